import Foundation
import Languages

/// Accuracy of a detector on labeled texts: overall, per language, per length bucket, the
/// confusions, calibration quality and throughput, with a printable table.
public struct LanguageDetectionReport: Sendable {
    /// Length buckets by white-space word count.
    public enum Bucket: String, Sendable, CaseIterable, Comparable {
        case words1to2 = "1-2"
        case words3to5 = "3-5"
        case words6to15 = "6-15"
        case words16plus = "16+"

        public init(wordCount: Int) {
            switch wordCount {
            case ...2: self = .words1to2
            case 3...5: self = .words3to5
            case 6...15: self = .words6to15
            default: self = .words16plus
            }
        }

        public static func < (lhs: Bucket, rhs: Bucket) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// Correct / total for one slice of the samples.
    public struct Tally: Sendable, Equatable {
        public var correct = 0
        public var total = 0
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
        public init() {}
    }

    /// How often texts of language `truth` were read as `predicted` (nil = `und`).
    public struct Confusion: Sendable, Equatable {
        public var truth: Language?
        public var predicted: Language?
        public var count: Int
        /// `count` as a share of all texts of `truth`.
        public var rate: Double
    }

    public var sampleCount: Int
    /// Share of all samples detected correctly.
    public var overallAccuracy: Double
    /// Mean of the per-language accuracies (what a set with equal counts per language shows).
    public var balancedAccuracy: Double
    /// Keyed by language code (`und` for unlabeled samples).
    public var perLanguage: [String: Tally]
    public var perBucket: [Bucket: Tally]
    /// Keyed by language code, then bucket.
    public var perLanguageAndBucket: [String: [Bucket: Tally]]
    /// Wrong answers, most frequent first.
    public var confusions: [Confusion]
    /// Expected calibration error over 10 confidence bins (0 = perfectly calibrated).
    public var expectedCalibrationError: Double
    /// Share of samples flagged reliable, and the accuracy among them.
    public var reliableShare: Double
    public var reliableAccuracy: Double
    /// Texts per second through `detect(_:)`, one thread.
    public var textsPerSecond: Double

    /// The share of texts of `truth` read as `predicted`.
    public func confusionRate(_ truth: Language?, as predicted: Language?) -> Double {
        confusions.first { $0.truth == truth && $0.predicted == predicted }?.rate ?? 0
    }

    /// A printable table of everything above.
    public var formatted: String {
        func pct(_ x: Double) -> String { String(format: "%6.2f%%", x * 100) }
        var lines: [String] = []
        let buckets = Bucket.allCases.filter { perBucket[$0] != nil }
        var header = "lang        n   accuracy"
        for b in buckets { header += "  " + b.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " }
        lines.append(header)
        let codes = Language.allCases.map(\.code).filter { perLanguage[$0] != nil } + (perLanguage["und"] != nil ? ["und"] : [])
        for code in codes {
            guard let tally = perLanguage[code] else { continue }
            var row = code.padding(toLength: 4, withPad: " ", startingAt: 0)
                + String(format: "%7d", tally.total) + "  " + pct(tally.accuracy)
            for b in buckets {
                if let t = perLanguageAndBucket[code]?[b] { row += "  " + pct(t.accuracy) } else { row += "        -" }
            }
            lines.append(row)
        }
        var all = "all " + String(format: "%7d", sampleCount) + "  " + pct(overallAccuracy)
        for b in buckets { all += "  " + pct(perBucket[b]?.accuracy ?? 0) }
        lines.append(all)
        lines.append("balanced accuracy (mean over languages): " + pct(balancedAccuracy))
        lines.append("bucket sizes: " + buckets.map { "\($0.rawValue) \(perBucket[$0]?.total ?? 0)" }.joined(separator: ", "))
        lines.append("confusions (truth->predicted, count, share of truth):")
        for c in confusions.prefix(12) {
            lines.append("  \(c.truth?.code ?? "und")->\(c.predicted?.code ?? "und")  \(c.count)  " + pct(c.rate))
        }
        lines.append("calibration error (ECE, 10 bins): " + String(format: "%.4f", expectedCalibrationError))
        lines.append("reliable: " + pct(reliableShare) + " of samples, accuracy " + pct(reliableAccuracy))
        lines.append("throughput: " + String(format: "%.0f", textsPerSecond) + " texts/s (one thread)")
        return lines.joined(separator: "\n")
    }
}
