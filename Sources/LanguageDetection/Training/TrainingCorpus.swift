import Foundation
import Languages

/// The lines of `<dir>/<code>.txt` for the eight languages, split deterministically into
/// training lines and development lines by a stable hash of each line (1 in ``devModulus``).
struct TrainingCorpus: Sendable {
    /// A line goes to the dev split when `stableHash(line) % devModulus == devResidue`.
    static let devModulus: UInt64 = 10
    static let devResidue: UInt64 = 7

    var train: [Language: [String]] = [:]
    var dev: [Language: [String]] = [:]

    static func isDev(_ line: String) -> Bool {
        SplitMix64.stableHash(line) % devModulus == devResidue
    }

    init(dataDirectory: URL) throws(LanguageDataError) {
        for language in Language.allCases {
            let url = dataDirectory.appendingPathComponent("\(language.code).txt")
            guard FileManager.default.fileExists(atPath: url.path) else { throw .missingFile(path: url.path) }
            let text = try LabeledLines.contents(of: url)
            var trainLines: [String] = []
            var devLines: [String] = []
            for raw in text.split(whereSeparator: \.isNewline) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { continue }
                if Self.isDev(line) { devLines.append(line) } else { trainLines.append(line) }
            }
            guard !trainLines.isEmpty else { throw .noTrainingLines(language: language.code) }
            train[language] = trainLines
            dev[language] = devLines
        }
    }
}
