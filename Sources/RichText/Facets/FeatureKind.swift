/// What a facet feature does, read from its `$type`.
///
/// protoimsg's `app.protoimsg.chat.message#…` features and Bluesky's
/// `app.bsky.richtext.facet#mention|#link|#tag` are known; anything else is ``unknown``.
public enum FeatureKind: String, Sendable, Hashable, CaseIterable {
    case mention, link, tag, bold, italic, strikethrough, codeInline, codeBlock, blockquote
    /// A well-formed feature whose `$type` Parley does not know; kept untouched.
    case unknown

    /// The `$type` prefix of protoimsg's chat-message features.
    public static let protoimsgNamespace = "app.protoimsg.chat.message"
    /// The `$type` prefix of Bluesky's rich-text facet features.
    public static let blueskyNamespace = "app.bsky.richtext.facet"

    /// The kind of the feature whose `$type` is `type`.
    public init(type: String) {
        let parts = type.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { self = .unknown; return }
        let fragment = String(parts[1])
        switch parts[0] {
        case Self.protoimsgNamespace[...]:
            self = FeatureKind(rawValue: fragment).flatMap { $0 == .unknown ? nil : $0 } ?? .unknown
        case Self.blueskyNamespace[...]:
            switch fragment {
            case "mention": self = .mention
            case "link": self = .link
            case "tag": self = .tag
            default: self = .unknown
            }
        default:
            self = .unknown
        }
    }

    /// Whether text under this feature must come out byte for byte (mentions, links, tags, code).
    /// ``unknown`` answers `false` here; ``UnknownFeaturePolicy`` decides for it.
    public var isProtected: Bool {
        switch self {
        case .mention, .link, .tag, .codeInline, .codeBlock: true
        case .bold, .italic, .strikethrough, .blockquote, .unknown: false
        }
    }

    /// The protoimsg `$type` of this kind (`app.protoimsg.chat.message#bold`).
    public var protoimsgType: String {
        "\(Self.protoimsgNamespace)#\(rawValue)"
    }
}
