import Foundation
import Languages

/// Measures a detector on labeled texts and reads `lang<TAB>text` evaluation files.
public enum LanguageDetectionEvaluator {
    /// Detects every sample once (timed) and tallies accuracy per language and length bucket,
    /// confusions, calibration error and the reliable flag.
    public static func evaluate(_ samples: [LabeledText], with detector: LanguageDetector) -> LanguageDetectionReport {
        let clock = ContinuousClock()
        var results: [LanguageDetection] = []
        results.reserveCapacity(samples.count)
        let start = clock.now
        for sample in samples { results.append(detector.detect(sample.text)) }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

        var overall = LanguageDetectionReport.Tally()
        var perLanguage: [String: LanguageDetectionReport.Tally] = [:]
        var perBucket: [LanguageDetectionReport.Bucket: LanguageDetectionReport.Tally] = [:]
        var perBoth: [String: [LanguageDetectionReport.Bucket: LanguageDetectionReport.Tally]] = [:]
        var confusionCounts: [String: Int] = [:]
        var bins = [(confidence: Double, correct: Double, count: Int)](repeating: (0, 0, 0), count: 10)
        var reliable = LanguageDetectionReport.Tally()

        for (sample, result) in zip(samples, results) {
            let code = sample.language?.code ?? "und"
            let bucket = LanguageDetectionReport.Bucket(wordCount: sample.wordCount)
            let correct = result.language == sample.language
            let hit = correct ? 1 : 0
            overall.total += 1
            overall.correct += hit
            perLanguage[code, default: .init()].total += 1
            perLanguage[code, default: .init()].correct += hit
            perBucket[bucket, default: .init()].total += 1
            perBucket[bucket, default: .init()].correct += hit
            perBoth[code, default: [:]][bucket, default: .init()].total += 1
            perBoth[code, default: [:]][bucket, default: .init()].correct += hit
            if !correct { confusionCounts["\(code)>\(result.code)", default: 0] += 1 }
            if result.language != nil {
                let bin = min(9, Int(result.confidence * 10))
                bins[bin].confidence += result.confidence
                bins[bin].correct += Double(hit)
                bins[bin].count += 1
            }
            if result.reliable {
                reliable.total += 1
                reliable.correct += hit
            }
        }

        var confusions: [LanguageDetectionReport.Confusion] = confusionCounts.map { key, count in
            let parts = key.split(separator: ">").map(String.init)
            let truth = Language(rawValue: parts[0])
            let predicted = parts.count > 1 ? Language(rawValue: parts[1]) : nil
            let total = perLanguage[parts[0]]?.total ?? 1
            return .init(truth: truth, predicted: predicted, count: count, rate: Double(count) / Double(max(1, total)))
        }
        confusions.sort { ($0.count, $1.truth?.code ?? "", $1.predicted?.code ?? "") > ($1.count, $0.truth?.code ?? "", $0.predicted?.code ?? "") }

        let binned = bins.reduce(0) { $0 + $1.count }
        let ece = binned == 0 ? 0 : bins.reduce(0.0) { acc, bin in
            guard bin.count > 0 else { return acc }
            return acc + abs(bin.confidence - bin.correct) / Double(binned)
        }
        let balanced = perLanguage.isEmpty ? 0 : perLanguage.values.reduce(0) { $0 + $1.accuracy } / Double(perLanguage.count)

        return LanguageDetectionReport(
            sampleCount: samples.count,
            overallAccuracy: overall.accuracy,
            balancedAccuracy: balanced,
            perLanguage: perLanguage,
            perBucket: perBucket,
            perLanguageAndBucket: perBoth,
            confusions: confusions,
            expectedCalibrationError: ece,
            reliableShare: samples.isEmpty ? 0 : Double(reliable.total) / Double(samples.count),
            reliableAccuracy: reliable.accuracy,
            textsPerSecond: seconds > 0 ? Double(samples.count) / seconds : 0)
    }

    /// Reads `lang<TAB>text` lines (`und` allowed as the language; blank lines skipped).
    /// - Throws: ``LanguageDataError`` for unreadable files, malformed lines or unknown codes.
    public static func readLabeled(file: URL) throws(LanguageDataError) -> [LabeledText] {
        try LabeledLines.read(file).map { line throws(LanguageDataError) in
            if line.code.lowercased() == "und" { return LabeledText(language: nil, text: line.text) }
            guard let language = try? Language(parsing: line.code) else {
                throw .unknownLanguage(path: file.path, line: line.number, code: line.code)
            }
            return LabeledText(language: language, text: line.text)
        }
    }
}
