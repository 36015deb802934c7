/// A translated rich text: valid facets for the translated text, and any warnings.
public struct RichTextTranslation: Sendable, Hashable {
    /// How the translation was obtained.
    public enum Strategy: String, Sendable, Hashable {
        /// One string with placeholders and formatting markers.
        case markers
        /// Each segment between protected spans on its own.
        case segments
        /// Nothing went to machine translation; only glossary terms were replaced.
        case glossaryOnly
    }

    public var text: String
    public var facets: [Facet]
    public var warnings: [RichTextWarning]
    public var strategy: Strategy
    /// Why the markers strategy was abandoned, when it was (for logs).
    public var fallbackReason: String?

    public init(text: String, facets: [Facet], warnings: [RichTextWarning] = [], strategy: Strategy, fallbackReason: String? = nil) {
        self.text = text
        self.facets = facets
        self.warnings = warnings
        self.strategy = strategy
        self.fallbackReason = fallbackReason
    }

    /// The text and facets as rich text.
    public var richText: FacetedText {
        FacetedText(text: text, facets: facets)
    }
}
