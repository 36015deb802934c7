import Foundation

/// The result of ``LanguageModelTrainer/train(dataDirectory:options:)``: the model bytes to
/// write to `langid.model`, the dev samples it was never trained on, and a printable summary.
public struct TrainedLanguageModel: Sendable {
    /// The serialised model (load with ``LanguageDetector/init(modelData:)``).
    public var data: Data
    /// The held-out dev samples (same as ``LanguageModelTrainer/devSplit(dataDirectory:)``).
    public var devSamples: [LabeledText]
    /// Training settings, corpus sizes, calibration and the dev-split report.
    public var summary: String
    /// The dev-split evaluation of this model.
    public var devReport: LanguageDetectionReport

    public init(data: Data, devSamples: [LabeledText], summary: String, devReport: LanguageDetectionReport) {
        self.data = data
        self.devSamples = devSamples
        self.summary = summary
        self.devReport = devReport
    }
}
