import Languages

/// What the engine needs from language detection for `source: "auto"`: the most likely
/// language of a text (or `nil` when there is nothing linguistic in it) and a confidence.
/// The server plugs in Parley's detector; tests plug in fixed answers.
public protocol SourceDetecting: Sendable {
    func detectSource(_ text: String) -> DetectedSource
}

/// A detected (or given) source language.
public struct DetectedSource: Sendable, Equatable, Codable {
    /// `nil` means undetermined (`und`): emoji, URLs, handles, numbers only.
    public var language: Language?
    /// In [0, 1]; 1 when the caller named the language.
    public var confidence: Double

    public init(language: Language?, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}
