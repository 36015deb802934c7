import Languages

/// Where the source language comes from.
public enum SourceLanguage: Sendable, Equatable {
    /// Detect it per text.
    case auto
    case language(Language)
}

/// One successful translation of one text into one target.
public struct TranslatedText: Sendable, Equatable {
    public var text: String
    /// The backend (or pivot route, `nllb+lt`) that produced it; `nil` when unchanged.
    public var backend: String?
    /// Served from the cache.
    public var cached: Bool
    /// The text was returned as is: the target equals the source, or the source is `und`.
    public var unchanged: Bool

    public init(text: String, backend: String?, cached: Bool, unchanged: Bool) {
        self.text = text
        self.backend = backend
        self.cached = cached
        self.unchanged = unchanged
    }
}

/// Everything the engine did for one input text: its source and each target's outcome.
public struct TextTranslation: Sendable {
    public var source: DetectedSource
    public var results: [Language: Result<TranslatedText, EngineError>]

    /// Whether at least one target got a translation (or an unchanged text).
    public var anySucceeded: Bool {
        results.values.contains { if case .success = $0 { true } else { false } }
    }
}
