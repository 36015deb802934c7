import Foundation
import LanguageDetection
import Languages
import Testing

/// Training determinism, model file validation and labeled-file reading, on data the test writes.
@Suite struct ModelFileTests {
    /// A tiny corpus written for this test (not training data from ../shared).
    static let corpus: [Language: [String]] = [
        .english: ["the cat is on the table", "I would like a cup of tea", "where are you going today",
                   "this is a very good idea", "we will meet at the station", "thank you for your help"],
        .spanish: ["el gato está en la mesa", "quiero una taza de café", "adónde vas hoy",
                   "esta es una idea muy buena", "nos vemos en la estación", "gracias por tu ayuda"],
        .russian: ["кошка на столе", "я хочу чашку чая", "куда ты идёшь сегодня",
                   "это очень хорошая идея", "встретимся на вокзале", "спасибо за помощь"],
        .arabic: ["القطة على الطاولة", "أريد كوبا من الشاي", "إلى أين تذهب اليوم", "شكرا على مساعدتك"],
        .ukrainian: ["кішка на столі", "я хочу чашку чаю", "куди ти йдеш сьогодні",
                     "це дуже гарна ідея", "зустрінемося на вокзалі", "дякую за допомогу"],
        .irish: ["tá an cat ar an mbord", "ba mhaith liom cupán tae", "cá bhfuil tú ag dul inniu",
                 "is smaoineamh an-mhaith é seo", "buailfimid le chéile ag an stáisiún", "go raibh maith agat"],
        .swahili: ["paka yuko juu ya meza", "ningependa kikombe cha chai", "unaenda wapi leo",
                   "hili ni wazo zuri sana", "tutakutana kituoni", "asante kwa msaada wako"],
        .hausa: ["kyanwa tana kan tebur", "ina son kofin shayi", "ina za ka je yau",
                 "wannan kyakkyawan ra'ayi ne", "za mu haɗu a tasha", "na gode da taimakonka"],
    ]

    static func writeCorpus() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("langid-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (language, lines) in corpus {
            // Repeat with numbered variants so the dev split (1 line in 10) is not empty.
            let text = (0..<4).flatMap { round in lines.map { "\($0) \(String(repeating: "!", count: round))" } }
            try text.joined(separator: "\n").write(to: dir.appendingPathComponent("\(language.code).txt"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    static var smallOptions: LanguageModelTrainer.Options {
        var options = LanguageModelTrainer.Options()
        options.hashBits = 12
        options.epochs = 2
        options.samplesPerLanguage = 100
        return options
    }

    @Test func trainingIsDeterministic() throws {
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try LanguageModelTrainer.train(dataDirectory: dir, options: Self.smallOptions)
        let second = try LanguageModelTrainer.train(dataDirectory: dir, options: Self.smallOptions)
        #expect(first.data == second.data)
        #expect(first.devSamples == second.devSamples)
        #expect(try LanguageModelTrainer.devSplit(dataDirectory: dir) == first.devSamples)
        let detector = try LanguageDetector(modelData: first.data)
        #expect(detector.detect("кошка на столе").language != nil)
        #expect(detector.detect("😂").language == nil)
    }

    @Test func devLinesAreNeverTrainingLines() throws {
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dev = try LanguageModelTrainer.devSplit(dataDirectory: dir)
        #expect(!dev.isEmpty)
        // The dev split is a pure function of each line.
        #expect(dev.allSatisfy { $0.language != nil })
    }

    @Test func missingTrainingFileIsAnError() throws {
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("ha.txt"))
        #expect(throws: LanguageDataError.self) { try LanguageModelTrainer.devSplit(dataDirectory: dir) }
    }

    @Test func corruptOrForeignModelsAreRejected() throws {
        guard let url = LanguageDetector.bundledModelURL else {
            Issue.record("bundled model missing")
            return
        }
        let good = try Data(contentsOf: url)
        #expect(throws: LanguageModelError.truncated(size: 10)) { try LanguageDetector(modelData: Data(good.prefix(10))) }
        #expect(throws: LanguageModelError.badMagic) { try LanguageDetector(modelData: Data(repeating: 0x41, count: 4096)) }

        var flipped = good
        flipped[good.count / 2] ^= 0x55
        #expect(throws: LanguageModelError.checksumMismatch) { try LanguageDetector(modelData: flipped) }

        var shortened = Data(good.dropLast(16))
        shortened.append(contentsOf: [UInt8](repeating: 0, count: 8))
        #expect(throws: LanguageModelError.self) { try LanguageDetector(modelData: shortened) }

        var newer = good
        newer[8] = 99
        #expect(throws: LanguageModelError.unsupportedVersion(99)) { try LanguageDetector(modelData: newer) }

        #expect(throws: LanguageModelError.self) { try LanguageDetector(modelData: Data()) }
    }

    @Test func labeledFilesAreRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labeled-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "en\thello there\nund\t😂\n\nsw\tasante sana\r\n".write(to: url, atomically: true, encoding: .utf8)
        let samples = try LanguageDetectionEvaluator.readLabeled(file: url)
        #expect(samples == [
            LabeledText(language: .english, text: "hello there"),
            LabeledText(language: nil, text: "😂"),
            LabeledText(language: .swahili, text: "asante sana"),
        ])
        let report = LanguageDetectionEvaluator.evaluate(samples, with: try LanguageDetector.bundled())
        #expect(report.sampleCount == 3)
        #expect(report.overallAccuracy == 1)
        #expect(report.formatted.contains("1-2"))

        try "xx\thello\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: LanguageDataError.unknownLanguage(path: url.path, line: 1, code: "xx")) {
            try LanguageDetectionEvaluator.readLabeled(file: url)
        }
        try "no tab here\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: LanguageDataError.malformedLine(path: url.path, line: 1)) {
            try LanguageDetectionEvaluator.readLabeled(file: url)
        }
    }
}
