import Foundation
import Languages

/// How a detector treats text in languages other than the eight (`parley langid eval
/// --other`): per length bucket, how often it was taken for one of the eight (the failure
/// that makes auto-translate "translate from Hausa" a message in Italian), how often the
/// language was identified, and how often the detector said `und`.
///
/// The answer expected for a variety is the code the detector is meant to give it: the
/// variety's BCP 47 code without a region (`fr`, `zh-Hant`, `fa` for Dari too), and `ar` for
/// every Arabic variety. The closed detector of the eight identifies none of them, so today
/// this measures how often it is confidently wrong.
public enum OtherLanguageEvaluator {
    /// One labelled text in a language outside the eight.
    public struct Sample: Sendable, Equatable {
        public var variety: LanguageVariety
        public var text: String

        public init(variety: LanguageVariety, text: String) {
            self.variety = variety
            self.text = text
        }
    }

    /// What happened to the samples of one length bucket.
    public struct Row: Sendable, Equatable {
        public var bucket: LanguageDetectionReport.Bucket
        public var texts = 0
        public var takenForTheEight = 0
        public var identified = 0
        public var undetermined = 0
    }

    /// FLORES-200 varieties that are Arabic for protoimsg's purposes (answered `ar`).
    static let arabicVarieties: Set<String> = ["arb_Arab", "acm_Arab", "acq_Arab", "aeb_Arab", "ajp_Arab", "apc_Arab", "ars_Arab", "ary_Arab", "arz_Arab"]

    /// The code a detector should answer for text in `variety`.
    public static func expectedCode(for variety: LanguageVariety) -> String {
        if arabicVarieties.contains(variety.floresCode) { return "ar" }
        guard let region = variety.region else { return variety.code }
        return String(variety.code.dropLast(region.count + 1))
    }

    /// One row per length bucket that has texts, shortest first.
    public static func evaluate(_ samples: [Sample], with detector: LanguageDetector) -> [Row] {
        var rows: [LanguageDetectionReport.Bucket: Row] = [:]
        for sample in samples {
            let bucket = LanguageDetectionReport.Bucket(wordCount: sample.text.split(whereSeparator: \.isWhitespace).count)
            var row = rows[bucket] ?? Row(bucket: bucket)
            let answer = detector.detect(sample.text)
            row.texts += 1
            if answer.code == expectedCode(for: sample.variety) {
                row.identified += 1
            } else if answer.language != nil {
                row.takenForTheEight += 1
            } else {
                row.undetermined += 1
            }
            rows[bucket] = row
        }
        return rows.values.sorted { $0.bucket < $1.bucket }
    }

    /// The rows as a table.
    public static func formatted(_ rows: [Row]) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "-" : String(format: "%5.1f %%", Double(part) / Double(whole) * 100)
        }
        var lines = ["words   texts   taken for one of the eight   identified   und"]
        for row in rows {
            lines.append("\(row.bucket.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(String(row.texts).padding(toLength: 6, withPad: " ", startingAt: 0))  \(percent(row.takenForTheEight, row.texts).padding(toLength: 27, withPad: " ", startingAt: 0))  \(percent(row.identified, row.texts).padding(toLength: 11, withPad: " ", startingAt: 0))  \(percent(row.undetermined, row.texts))")
        }
        return lines.joined(separator: "\n")
    }

    /// Reads `code<TAB>text` lines whose code is any language the registry knows (BCP 47 or
    /// FLORES-200: `fr`, `fra_Latn`); blank lines are skipped. Lines in one of the eight are
    /// refused: they belong in `parley langid eval --file`.
    /// - Throws: ``LanguageDataError`` for unreadable files, malformed lines or unknown codes.
    public static func read(file: URL) throws(LanguageDataError) -> [Sample] {
        try LabeledLines.read(file).map { line throws(LanguageDataError) in
            guard let variety = try? LanguageRegistry.shared.variety(parsing: line.code), !variety.isUILanguage else {
                throw .unknownLanguage(path: file.path, line: line.number, code: line.code)
            }
            return Sample(variety: variety, text: line.text)
        }
    }
}
