import LanguageDetection
import Languages
import TranslationEngine

/// Parley's language detector as the server uses it: for `/v1/detect`, LibreTranslate's
/// `/detect`, and the engine's `source: "auto"`.
public struct DetectionService: SourceDetecting {
    public let detector: LanguageDetector

    public init(detector: LanguageDetector) {
        self.detector = detector
    }

    /// Loads the model shipped with Parley.
    public static func bundled() throws -> DetectionService {
        DetectionService(detector: try LanguageDetector.bundled())
    }

    /// One detection result as the API shows it.
    public struct Result: Sendable, Codable, Equatable {
        public struct Candidate: Sendable, Codable, Equatable {
            public var language: String
            public var confidence: Double
        }
        public var candidates: [Candidate]
        public var reliable: Bool
    }

    public func detect(_ texts: [String]) -> [Result] {
        detector.detect(texts).map { detection in
            Result(
                candidates: detection.candidates.map { Result.Candidate(language: $0.language.code, confidence: ($0.confidence * 10_000).rounded() / 10_000) },
                reliable: detection.reliable)
        }
    }

    public func detectSource(_ text: String) -> DetectedSource {
        let detection = detector.detect(text)
        return DetectedSource(language: detection.language, confidence: detection.confidence)
    }
}
