import Foundation
import Languages

/// Detects which of the eight languages a (short) text is written in.
///
/// The script decides first: Arabic letters mean Arabic; Cyrillic text is scored as Russian or
/// Ukrainian; Latin text as English, Spanish, Irish, Swahili or Hausa. Inside a script a linear
/// model over hashed character n-grams (orders 1–5, word-boundary aware) and whole words scores
/// the candidates; a softmax with a calibrated, length-dependent temperature turns the scores
/// into confidences. URLs, @handles, #hashtags, e-mail addresses, emoji, digits and punctuation
/// are ignored; when nothing is left the answer is `und`.
///
/// Values are immutable and `Sendable`: share one detector across tasks.
public struct LanguageDetector: Sendable {
    let model: LanguageModel
    let scanner: FeatureScanner

    /// The model shipped in the module's resources, loaded once per process.
    public static func bundled() throws(LanguageModelError) -> LanguageDetector {
        try cachedBundled.get()
    }

    private static let cachedBundled: Result<LanguageDetector, LanguageModelError> = {
        guard let url = bundledModelURL else { return .failure(.missingResource) }
        return Result { () throws(LanguageModelError) -> LanguageDetector in try LanguageDetector(contentsOf: url) }
    }()

    /// Where the bundled model lives, if the resource bundle is present.
    public static var bundledModelURL: URL? {
        Bundle.module.url(forResource: "langid", withExtension: "model")
    }

    /// Loads a model from its serialised bytes.
    /// - Throws: ``LanguageModelError`` when the data is not a valid model of this format.
    public init(modelData: Data) throws(LanguageModelError) {
        try self.init(model: LanguageModel(data: modelData))
    }

    /// Loads a model file.
    public init(contentsOf url: URL) throws(LanguageModelError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
        try self.init(modelData: data)
    }

    init(model: LanguageModel) {
        self.model = model
        self.scanner = FeatureScanner(hashBits: model.hashBits)
    }

    /// Size of the hash table (buckets × 8 lanes × 2 bytes) plus header, in bytes.
    public var modelByteCount: Int { LanguageModel.headerSize + model.table.count * 16 + 8 }

    /// Detects the language of one text.
    public func detect(_ text: String) -> LanguageDetection {
        let (counts, sum, features) = score(text)
        return decide(counts: counts, sum: sum, features: features)
    }

    /// Detects the language of each text, in order.
    public func detect(_ texts: [String]) -> [LanguageDetection] {
        texts.map { detect($0) }
    }

    /// Only the top language (nil for `und`), skipping candidate construction: the fast path.
    public func language(of text: String) -> Language? {
        let (counts, sum, _) = score(text)
        guard let group = counts.dominant else { return nil }
        if group == .arabic { return .arabic }
        let logits = self.logits(sum)
        var best: Language?
        var bestScore = -Float.infinity
        for language in group.languages {
            let s = logits[ModelLanes.lane(of: language)]
            if s > bestScore {
                bestScore = s
                best = language
            }
        }
        return best
    }

    @inline(__always)
    func score(_ text: String) -> (ScriptCounts, SIMD8<Float>, Int) {
        model.table.withUnsafeBufferPointer { table in
            var sink = ScoringSink(table: table)
            let counts = scanner.scan(text, into: &sink)
            return (counts, sink.total, sink.count)
        }
    }

    /// Lane logits from summed quantized weights.
    @inline(__always)
    func logits(_ sum: SIMD8<Float>) -> SIMD8<Float> {
        sum / model.weightScale + model.biases
    }

    func decide(counts: ScriptCounts, sum: SIMD8<Float>, features: Int) -> LanguageDetection {
        guard let group = counts.dominant else { return .undetermined }
        if group == .arabic {
            return LanguageDetection(
                language: .arabic, candidates: [LanguageCandidate(language: .arabic, confidence: 1)],
                reliable: true, confidence: 1)
        }
        let temperature = model.calibration[group]?.temperature(features: features) ?? 1
        let candidates = Self.softmax(logits(sum), group: group, temperature: temperature)
        let top = candidates[0]
        let second = candidates.count > 1 ? candidates[1].confidence : 0
        let reliable = top.confidence >= Double(model.reliableThreshold)
            && top.confidence - second >= Double(model.reliableMargin)
        return LanguageDetection(language: top.language, candidates: candidates, reliable: reliable, confidence: top.confidence)
    }

    /// Candidates whose confidence is below this are left out of the list (the top one never is).
    static let minimumListedConfidence = 0.0005

    /// Softmax over the group's lanes, best first, with one allocation (the result).
    static func softmax(_ logits: SIMD8<Float>, group: ScriptGroup, temperature: Float) -> [LanguageCandidate] {
        let languages = group.languages
        let scaled = logits / temperature
        var peak = -Float.infinity
        for language in languages { peak = max(peak, scaled[ModelLanes.lane(of: language)]) }
        var weights = SIMD8<Double>()
        var total = 0.0
        for language in languages {
            let lane = ModelLanes.lane(of: language)
            weights[lane] = exp(Double(scaled[lane] - peak))
            total += weights[lane]
        }
        var result: [LanguageCandidate] = []
        result.reserveCapacity(languages.count)
        for language in languages {
            let candidate = LanguageCandidate(language: language, confidence: weights[ModelLanes.lane(of: language)] / total)
            guard candidate.confidence >= minimumListedConfidence || result.isEmpty else { continue }
            // Insertion sort: best first, ties in registry order.
            var index = result.endIndex
            while index > 0, result[index - 1].confidence < candidate.confidence { index -= 1 }
            result.insert(candidate, at: index)
        }
        if result.count > 1, result[result.count - 1].confidence < minimumListedConfidence { result.removeLast() }
        return result
    }
}
