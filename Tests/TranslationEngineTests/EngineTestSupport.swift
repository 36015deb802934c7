import BackendFakes
import Foundation
import Languages
import Logging
import Prometheus
import ServiceConfiguration
import Storage
import TranslationBackends
@testable import TranslationEngine

/// A detector with fixed answers for engine tests.
struct FixedDetector: SourceDetecting {
    var answers: [String: Language?] = [:]
    var fallback: Language? = .english

    func detectSource(_ text: String) -> DetectedSource {
        if let answer = answers[text] { return DetectedSource(language: answer, confidence: answer == nil ? 0 : 0.9) }
        return DetectedSource(language: fallback, confidence: 0.9)
    }
}

func makeEngine(
    _ backends: [InProcessBackend],
    store: (any ParleyStore)? = nil,
    detector: (any SourceDetecting)? = FixedDetector(),
    configure: (inout ParleyConfiguration) -> Void = { _ in }
) -> TranslationEngine {
    var configuration = ParleyConfiguration()
    configuration.translation.breakerThreshold = 3
    configuration.translation.breakerCooldown = .milliseconds(300)
    configure(&configuration)
    var logger = Logger(label: "engine-test")
    logger.logLevel = .critical
    return TranslationEngine(
        backends: backends, configuration: configuration, store: store, detector: detector,
        registry: PrometheusCollectorRegistry(), logger: logger)
}

/// LibreTranslate-like: the en↔{es,ru,ar,uk,ga} pairs (and their pivots), no Swahili or Hausa.
func libreTranslateLike(name: String = "lt", latency: Duration = .zero, maxConcurrency: Int = 4, maxBatchSize: Int = 16) -> InProcessBackend {
    let languages: [Language] = [.english, .spanish, .russian, .arabic, .ukrainian, .irish]
    let pairs = Set(languages.flatMap { s in languages.filter { $0 != s }.map { LanguagePair(s, $0) } })
    return InProcessBackend(name: name, kind: .libreTranslate, pairs: pairs, latency: latency, maxConcurrency: maxConcurrency, maxBatchSize: maxBatchSize)
}

func nllbLike(name: String = "nllb", latency: Duration = .zero, maxConcurrency: Int = 4, maxBatchSize: Int = 16) -> InProcessBackend {
    InProcessBackend(name: name, kind: .nllbAPI, latency: latency, maxConcurrency: maxConcurrency, maxBatchSize: maxBatchSize)
}

func temporaryStore() throws -> SQLiteStore {
    try SQLiteStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("parley-engine-\(UUID().uuidString)").path)
}

extension Result {
    var value: Success? { try? get() }
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
