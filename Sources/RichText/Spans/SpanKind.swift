/// Why a span of text is protected from translation.
public enum SpanKind: String, Sendable, Hashable {
    /// Covered by a protected facet (mention, link, tag, code, or a protected unknown feature).
    case facet
    case url
    case handle
    case hashtag
    case emoji
    case code
    /// i18next `{{…}}` or `$t(…)`.
    case interpolation
    /// An i18next/HTML tag such as `<strong>`, `</1>`, `<br/>`.
    case markupTag
    /// A glossary term kept as written.
    case glossaryKeep
    /// A glossary term replaced by its target form.
    case glossaryForce
}
