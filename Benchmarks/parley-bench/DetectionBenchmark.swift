import Foundation
import LanguageDetection
import Languages

/// The language-detection benchmark: model load time (median of N loads of the bundled model
/// file), model size, and single-thread throughput of `LanguageDetector.detect(_:)` over a few
/// hundred thousand short texts.
///
/// Arguments (all optional, any order; a leading program name is ignored):
/// - `--loads N`   number of timed model loads (default 21)
/// - `--texts N`   number of texts to detect (default 300000)
/// - `--data DIR`  take texts from the dev split of `DIR/<code>.txt` (e.g. ../shared/langid/train)
///                 instead of the built-in synthetic chat phrases
/// - `--model F`   benchmark this model file instead of the bundled one
enum DetectionBenchmark {
    /// Why the benchmark could not run.
    enum Failure: Error, CustomStringConvertible {
        case badArgument(String)
        case noModel

        var description: String {
            switch self {
            case .badArgument(let a): "bad argument: \(a) (use --loads N, --texts N, --data DIR, --model FILE)"
            case .noModel: "no model: the bundled langid.model is missing and no --model was given"
            }
        }
    }

    static func run(arguments: [String]) throws -> String {
        var loads = 21
        var textCount = 300_000
        var dataDirectory: URL?
        var modelURL = LanguageDetector.bundledModelURL
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            let value = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch argument {
            case "--loads":
                guard let value, let n = Int(value), n > 0 else { throw Failure.badArgument(argument) }
                loads = n
                i += 2
            case "--texts":
                guard let value, let n = Int(value), n > 0 else { throw Failure.badArgument(argument) }
                textCount = n
                i += 2
            case "--data":
                guard let value else { throw Failure.badArgument(argument) }
                dataDirectory = URL(fileURLWithPath: value)
                i += 2
            case "--model":
                guard let value else { throw Failure.badArgument(argument) }
                modelURL = URL(fileURLWithPath: value)
                i += 2
            default:
                if i == 0, !argument.hasPrefix("--") {
                    i += 1  // program name
                } else {
                    throw Failure.badArgument(argument)
                }
            }
        }
        guard let modelURL else { throw Failure.noModel }

        let clock = ContinuousClock()
        var loadTimes: [Double] = []
        var detector: LanguageDetector?
        for _ in 0..<loads {
            let start = clock.now
            let loaded = try LanguageDetector(contentsOf: modelURL)
            loadTimes.append(milliseconds(clock.now - start))
            detector = loaded
        }
        guard let detector else { throw Failure.noModel }
        loadTimes.sort()
        let size = (try? FileManager.default.attributesOfItem(atPath: modelURL.path)[.size] as? Int) ?? nil

        let source: String
        var texts: [String]
        if let dataDirectory {
            texts = try LanguageModelTrainer.devSplit(dataDirectory: dataDirectory).map(\.text)
            source = "dev split of \(dataDirectory.path) (\(texts.count) distinct)"
        } else {
            texts = SyntheticChat.texts(count: min(textCount, 50_000))
            source = "synthetic chat phrases (\(texts.count) distinct)"
        }
        guard !texts.isEmpty else { throw Failure.badArgument("--data: no texts") }
        let workload = (0..<textCount).map { texts[$0 % texts.count] }
        let words = workload.reduce(0) { $0 + $1.split(separator: " ").count }

        // Warm up, then time detect(_:) and the top-language fast path on one thread.
        var checksum = 0
        for text in workload.prefix(10_000) { checksum &+= detector.detect(text).candidates.count }
        let detectStart = clock.now
        for text in workload { checksum &+= detector.detect(text).candidates.count }
        let detectSeconds = milliseconds(clock.now - detectStart) / 1000
        let fastStart = clock.now
        for text in workload { checksum &+= detector.language(of: text) == nil ? 0 : 1 }
        let fastSeconds = milliseconds(clock.now - fastStart) / 1000

        func row(_ name: String, _ value: String) -> String {
            name.padding(toLength: 34, withPad: " ", startingAt: 0) + value
        }
        return [
            "Language detection benchmark",
            row("model", modelURL.lastPathComponent),
            row("model size (bytes)", size.map(String.init) ?? "?"),
            row("model load, median of \(loads) (ms)", String(format: "%.2f", loadTimes[loadTimes.count / 2])),
            row("model load, min / max (ms)", String(format: "%.2f / %.2f", loadTimes[0], loadTimes[loadTimes.count - 1])),
            row("texts", "\(workload.count) from \(source), mean \(String(format: "%.1f", Double(words) / Double(workload.count))) words"),
            row("detect(_:) texts/s (1 thread)", String(format: "%.0f", Double(workload.count) / detectSeconds)),
            row("language(of:) texts/s (1 thread)", String(format: "%.0f", Double(workload.count) / fastSeconds)),
            row("(checksum)", "\(checksum)"),
        ].joined(separator: "\n")
    }

    private static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) * 1e-15
    }
}

/// Short chat-like texts assembled from a few phrases per language written for this benchmark
/// (no training data), with the noise chat adds: emoji, @handles, URLs, punctuation.
private enum SyntheticChat {
    static let phrases: [[String]] = [
        ["hello there", "see you tomorrow", "thanks a lot", "what time is the meeting", "I will call you later",
         "that sounds great", "are you coming tonight", "no worries at all"],
        ["hola amigo", "nos vemos mañana", "muchas gracias", "qué tal estás", "te llamo luego",
         "me parece bien", "vienes esta noche", "no pasa nada"],
        ["привет друг", "увидимся завтра", "большое спасибо", "как дела", "я тебе позвоню позже",
         "звучит отлично", "ты придёшь сегодня вечером", "ничего страшного"],
        ["مرحبا يا صديقي", "أراك غدا", "شكرا جزيلا", "كيف حالك", "سأتصل بك لاحقا", "هذا رائع"],
        ["привіт друже", "побачимося завтра", "дуже дякую", "як справи", "я тобі зателефоную пізніше",
         "звучить чудово", "ти прийдеш сьогодні ввечері", "нічого страшного"],
        ["dia duit", "feicfidh mé amárach thú", "go raibh maith agat", "conas atá tú", "glaofaidh mé ort níos déanaí",
         "tá sé sin go hiontach", "an mbeidh tú ag teacht anocht", "ná bí buartha"],
        ["habari rafiki", "tutaonana kesho", "asante sana", "habari yako", "nitakupigia baadaye",
         "hiyo ni nzuri sana", "utakuja leo usiku", "hakuna matata"],
        ["sannu da zuwa", "sai gobe", "na gode sosai", "yaya kake", "zan kira ka anjima",
         "wannan yana da kyau", "za ka zo yau da dare", "ba komai"],
    ]
    static let noise = ["", "", "", " 😂", "!", "?", " @alice.bsky.social", " https://example.com/x", " #chat", " 👍👍"]

    static func texts(count: Int) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state >> 1)
        }
        return (0..<count).map { _ in
            let language = phrases[next() % phrases.count]
            var text = language[next() % language.count]
            if next() % 3 == 0 { text += " " + language[next() % language.count] }
            return text + noise[next() % noise.count]
        }
    }
}
