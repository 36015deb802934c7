import Foundation
import Languages

/// Trains the detection model from `<dir>/<code>.txt` files (one text per line, the eight
/// language codes). Deterministic: the same data and options give the same model bytes.
///
/// One line in ten (chosen by a stable hash of the line) is held out as the dev split and never
/// trained on; it is used to fit the confidence calibration and to report accuracy.
public enum LanguageModelTrainer {
    /// Training settings; the defaults produce the bundled model.
    public struct Options: Sendable, Equatable {
        /// log2 of the hash table size (the model is 2^bits × 16 bytes).
        public var hashBits: Int = 18
        public var epochs: Int = 8
        /// Samples drawn per language and epoch (capped at 3× the largest training file).
        public var samplesPerLanguage: Int = 60_000
        public var learningRate: Float = 0.2
        /// The rate is divided by (1 + epoch × decay).
        public var learningRateDecay: Float = 0
        /// Bias learning rate relative to the weights'.
        public var biasRate: Float = 0.1
        public var seed: UInt64 = 20_240_601
        /// AdaGrad per-weight learning rates instead of plain SGD.
        public var adaptive = true
        /// Logit offsets added to languages' biases after training: an operating-point choice,
        /// e.g. `[.ukrainian: 0.4]` trades Russian→Ukrainian errors for fewer Ukrainian→Russian
        /// ones. Empty (neutral: classes were trained balanced) for the bundled model.
        public var languageOffsets: [Language: Float] = [:]
        /// Minimum top confidence for `reliable`.
        public var reliableThreshold: Float = 0.9
        /// Minimum lead of the top candidate over the second for `reliable`.
        public var reliableMargin: Float = 0.8

        public init() {}
    }

    /// Trains a model on `dataDirectory` (see the type's documentation).
    public static func train(dataDirectory: URL, options: Options = Options()) throws(LanguageDataError) -> TrainedLanguageModel {
        let corpus = try TrainingCorpus(dataDirectory: dataDirectory)
        let devSamples = DevSplitBuilder.samples(from: corpus)
        let weights = LinearModelFitter(options: options).fit(corpus)
        var model = quantize(weights, options: options)
        for (language, offset) in options.languageOffsets { model.biases[ModelLanes.lane(of: language)] += offset }
        fitCalibration(model: &model, devSamples: devSamples)
        let detector = LanguageDetector(model: model)
        let report = LanguageDetectionEvaluator.evaluate(devSamples, with: detector)
        let data = model.serialized()

        var summary = "Parley language model: \(data.count) bytes, 2^\(options.hashBits) buckets, "
        summary += "\(options.epochs) epochs × \(options.samplesPerLanguage) samples/language, lr \(options.learningRate)\n"
        for language in Language.allCases {
            summary += "  \(language.code): \(corpus.train[language]?.count ?? 0) train lines, "
            summary += "\(corpus.dev[language]?.count ?? 0) dev lines\n"
        }
        for group in [ScriptGroup.latin, .cyrillic] {
            if let c = model.calibration[group] {
                summary += "  calibration \(group): T(n) = \(c.a) + \(c.b)·ln(1+n)\n"
            }
        }
        summary += "Dev split (\(devSamples.count) samples):\n" + report.formatted
        return TrainedLanguageModel(data: data, devSamples: devSamples, summary: summary, devReport: report)
    }

    /// The dev split of `dataDirectory`, reproducible without training: the lines the trainer
    /// holds out, with the same 1–2 and 3–5-word windows cut from them.
    public static func devSplit(dataDirectory: URL) throws(LanguageDataError) -> [LabeledText] {
        DevSplitBuilder.samples(from: try TrainingCorpus(dataDirectory: dataDirectory))
    }

    static func quantize(_ weights: LinearModelFitter.Weights, options: Options) -> LanguageModel {
        var peak: Float = 0
        for v in weights.table { peak = max(peak, v.replacing(with: -v, where: v .< 0).max()) }
        let scale = peak > 0 ? 32767 / peak : 1
        let table = weights.table.map { v -> SIMD8<Int16> in
            let clamped = (v * scale).clamped(lowerBound: .init(repeating: -32767), upperBound: .init(repeating: 32767))
            return SIMD8<Int16>(clamped, rounding: .toNearestOrEven)
        }
        return LanguageModel(
            hashBits: options.hashBits, table: table, weightScale: scale, biases: weights.biases,
            calibration: [.latin: .init(a: 1, b: 0), .cyrillic: .init(a: 1, b: 0)],
            reliableThreshold: options.reliableThreshold, reliableMargin: options.reliableMargin)
    }

    /// Fits the temperature curve per script group (NLL of the true language on the dev split).
    static func fitCalibration(model: inout LanguageModel, devSamples: [LabeledText]) {
        let detector = LanguageDetector(model: model)
        var observations: [ScriptGroup: [CalibrationFitter.Observation]] = [:]
        for sample in devSamples {
            guard let truth = sample.language else { continue }
            let (counts, sum, features) = detector.score(sample.text)
            guard let group = counts.dominant, group != .arabic,
                  let index = group.languages.firstIndex(of: truth) else { continue }
            let logits = detector.logits(sum)
            let groupLogits = group.languages.map { logits[ModelLanes.lane(of: $0)] }
            observations[group, default: []].append(.init(logits: groupLogits, truth: index, features: features))
        }
        for group in [ScriptGroup.latin, .cyrillic] {
            model.calibration[group] = CalibrationFitter.fit(observations[group] ?? [])
        }
    }
}
