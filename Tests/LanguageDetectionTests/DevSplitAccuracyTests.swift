import Foundation
import LanguageDetection
import Languages
import Testing

/// The committed model's accuracy on the dev split of ../shared/langid/train (lines the model
/// was never trained on, plus 1–2 and 3–5-word windows cut from them).
///
/// The data lives beside the repository, not in it: on a clone without ../shared this test is
/// skipped (see the trait), but under `CI=true` a missing directory is a failure.
@Suite struct DevSplitAccuracyTests {
    /// /work/main/Tests/LanguageDetectionTests/<file> → /work/main/../shared/langid/train
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/langid/train").standardizedFileURL

    static var dataPresent: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("en.txt").path)
    }

    static var onCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    // Measured with the committed model on the dev split (114,679 samples): overall 97.35%,
    // balanced 97.40%, 1–2 words 93.88%, uk→ru 3.69%. Floors are those minus 0.5 points
    // (never below 96% for the overall figures); the uk→ru ceiling is the rate plus 0.5 points.
    static let overallFloor = 0.9685
    static let balancedFloor = 0.9690
    static let shortTextFloor = 0.9338
    static let ukrainianAsRussianCeiling = 0.0419

    @Test(
        "dev-split accuracy floor of the committed model",
        // Skipped with this message when ../shared/langid/train is absent (a fresh clone);
        // under CI=true the test runs anyway and fails on the missing data.
        .enabled(if: dataPresent || onCI, "../shared/langid/train is absent: dev-split accuracy floor skipped")
    )
    func accuracyFloor() throws {
        guard Self.dataPresent else {
            Issue.record("CI=true but \(Self.dataDirectory.path) is missing: cannot check the dev-split accuracy floor")
            return
        }
        let samples = try LanguageModelTrainer.devSplit(dataDirectory: Self.dataDirectory)
        #expect(samples.count > 50_000)
        let report = LanguageDetectionEvaluator.evaluate(samples, with: try LanguageDetector.bundled())
        #expect(report.overallAccuracy >= max(0.96, Self.overallFloor), "\(report.formatted)")
        #expect(report.balancedAccuracy >= max(0.96, Self.balancedFloor))
        #expect((report.perBucket[.words1to2]?.accuracy ?? 0) >= Self.shortTextFloor)
        #expect(report.confusionRate(.ukrainian, as: .russian) <= Self.ukrainianAsRussianCeiling)
    }
}
