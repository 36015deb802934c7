import Languages

/// One ranked candidate language with its calibrated confidence in [0, 1].
public struct LanguageCandidate: Sendable, Equatable, Codable {
    public var language: Language
    public var confidence: Double

    public init(language: Language, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}
