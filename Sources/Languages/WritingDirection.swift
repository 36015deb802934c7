/// The direction a language's script is written in.
public enum WritingDirection: String, Sendable, Codable, Hashable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}
