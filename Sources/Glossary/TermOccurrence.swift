/// Where a glossary term was found in a text, and what machine translation must put there.
public struct TermOccurrence: Sendable, Hashable {
    /// UTF-8 byte offsets into the text, end exclusive.
    public var range: Range<Int>
    /// A do-not-translate term (it stays as matched); otherwise a forced target term.
    public var doNotTranslate: Bool
    /// The text that replaces the match in the translation; `nil` when it is the match itself.
    public var replacement: String?
}
