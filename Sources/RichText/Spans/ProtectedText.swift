import Glossary

/// A text (plain or rich) prepared for machine translation: protected spans found, a marked
/// string for one-string translation, and the segments for segment-by-segment translation.
///
/// Use it directly to batch many texts into one call (UI-string pre-translation): send every
/// ``markedText``, ``restore(_:)`` each result, and for those that throw send their
/// ``segments`` and ``reassemble(_:)``. ``RichTextTranslator`` does exactly this for one text.
public struct ProtectedText: Sendable {
    /// A protected span of the source and what it becomes in the output.
    public struct Span: Sendable, Hashable {
        /// The span's bytes in the source.
        public var range: Range<Int>
        public var kind: SpanKind
        /// The source text of the span.
        public var original: String
        /// The text it comes out as (differs only for forced glossary terms).
        public var output: String
    }

    /// The text as given.
    public let source: FacetedText
    let plan: ProtectionPlan
    let layout: MarkerLayout?

    /// Finds the protected spans of `source`; throws when its facets are invalid or it is over
    /// `options.byteLimit`.
    public init(_ source: FacetedText, glossary: [GlossaryRule] = [], options: RichTextOptions = .chat) throws(FacetValidationError) {
        try source.validate(byteLimit: options.byteLimit)
        self.source = source
        let plan = ProtectionPlan(source, glossary: glossary, options: options)
        self.plan = plan
        layout = options.markerStyles.lazy
            .map { MarkerLayout(plan: plan, style: $0) }
            .first { !MarkerTokenizer(style: $0.style).containsMarker($0.sourceText(plan)) }
    }

    /// A plain text (no facets).
    public init(text: String, glossary: [GlossaryRule] = [], options: RichTextOptions = .uiStrings) throws(FacetValidationError) {
        try self.init(FacetedText(text: text), glossary: glossary, options: options)
    }

    /// The protected spans, in order.
    public var spans: [Span] {
        plan.regions.map { region in
            Span(range: region.range, kind: region.kind, original: UTF8Bytes.string(plan.bytes, region.range),
                 output: String(decoding: region.output, as: UTF8.self))
        }
    }

    /// Whether anything is left to translate once the protected spans are taken out.
    public var hasTranslatableText: Bool {
        plan.gaps.contains { $0.core != nil }
    }

    /// The one string to translate, with placeholders and formatting markers; `nil` when the
    /// text itself contains syntax of every marker style.
    public var markedText: String? { layout?.text }

    /// The style of ``markedText``.
    public var markerStyle: MarkerStyle? { layout?.style }

    /// Whether ``markedText`` has any marker (when not, it equals the only segment).
    public var hasMarkers: Bool { layout?.hasMarkers ?? false }

    /// The texts between protected spans that have letters, trimmed, in order.
    public var segments: [String] { SegmentAssembler(plan: plan).segments }

    /// The source with a translation of ``markedText`` put back: protected spans restored byte
    /// for byte, facets placed where their markers landed. Throws when any marker was lost,
    /// duplicated, mangled or unbalanced.
    public func restore(_ translation: String) throws(MarkerError) -> RichTextTranslation {
        guard let layout else { throw .noMarkedText }
        return try MarkerRestorer(plan: plan, layout: layout).restore(translation)
    }

    /// The source with the translations of ``segments`` (same order and count) put back around
    /// the protected spans.
    public func reassemble(_ translations: [String]) throws(RichTextError) -> RichTextTranslation {
        try SegmentAssembler(plan: plan).reassemble(translations)
    }

    /// The output when nothing needs machine translation: `nil` if it equals the source,
    /// otherwise the source with forced glossary terms replaced.
    public var outputWithoutTranslation: RichTextTranslation? {
        guard !hasTranslatableText, plan.regions.contains(where: { $0.output != Array(plan.bytes[$0.range]) }) else { return nil }
        return try? reassemble([])
    }
}
