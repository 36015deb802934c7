/// A translate closure broke its contract.
public enum RichTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closure returned a different number of strings than it was given.
    case translationCountMismatch(expected: Int, received: Int)
    /// The closure returned an empty string for a segment with text.
    case emptyTranslation(segment: Int)

    public var description: String {
        switch self {
        case .translationCountMismatch(let expected, let received):
            "the translator returned \(received) strings for \(expected)"
        case .emptyTranslation(let segment):
            "the translator returned an empty string for segment \(segment)"
        }
    }
}
