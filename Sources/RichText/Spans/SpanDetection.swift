/// Which spans of text outside facets are detected and protected.
public struct SpanDetection: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `http(s)://…`, `www.…`, `at://…` and `did:plc:…`/`did:web:…`.
    public static let urls = SpanDetection(rawValue: 1 << 0)
    /// `@alice.bsky.social`, `@name` and e-mail addresses.
    public static let handles = SpanDetection(rawValue: 1 << 1)
    /// `#hashtag`.
    public static let hashtags = SpanDetection(rawValue: 1 << 2)
    /// Emoji, including ZWJ sequences, skin tones, flags and keycaps.
    public static let emoji = SpanDetection(rawValue: 1 << 3)
    /// `` `code` `` and fenced ```` ``` ```` blocks.
    public static let code = SpanDetection(rawValue: 1 << 4)
    /// i18next: `{{…}}`, `$t(…)`, and `<tag>`s (paired tags keep their content translatable).
    public static let i18next = SpanDetection(rawValue: 1 << 5)

    /// What chat messages need: everything but i18next syntax.
    public static let chat: SpanDetection = [.urls, .handles, .hashtags, .emoji, .code]
    /// What UI strings need: chat's set and i18next syntax.
    public static let uiStrings: SpanDetection = [.chat, .i18next]
}
