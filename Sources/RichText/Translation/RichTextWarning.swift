/// Something the caller should know about a translation that still succeeded; encodes as
/// `{"code": ..., "message": ...}`.
public struct RichTextWarning: Sendable, Hashable, Codable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// A formatting facet could not be placed in the translation and was left out.
    public static let formattingDropped = "formatting_dropped"
    /// A formatting facet could only be placed over its whole translated segment.
    public static let formattingWidened = "formatting_widened"
}
