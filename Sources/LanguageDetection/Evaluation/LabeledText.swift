import Languages

/// A text with its known language (nil = `und`), as used for evaluation and the dev split.
public struct LabeledText: Sendable, Equatable {
    public var language: Language?
    public var text: String

    public init(language: Language?, text: String) {
        self.language = language
        self.text = text
    }

    /// Number of white-space separated words (the length measure of the evaluation buckets).
    public var wordCount: Int { text.split(whereSeparator: \.isWhitespace).count }
}
