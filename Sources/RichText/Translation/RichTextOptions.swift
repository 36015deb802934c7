/// How ``RichTextTranslator`` protects and translates.
public struct RichTextOptions: Sendable, Hashable {
    /// The input's limit in UTF-8 bytes; `nil` for none (UI strings).
    public var byteLimit: Int?
    /// Spans detected in the text outside protected facets.
    public var detection: SpanDetection
    /// Features of unknown `$type`.
    public var unknownFeatures: UnknownFeaturePolicy
    /// The marker styles to try for the one-string strategy, in order: the first whose syntax
    /// does not already occur in the text is used. Empty: always translate segment by segment.
    public var markerStyles: [MarkerStyle]

    public init(
        byteLimit: Int? = FacetValidator.defaultByteLimit,
        detection: SpanDetection = .chat,
        unknownFeatures: UnknownFeaturePolicy = .followWords,
        markerStyles: [MarkerStyle] = [.xml, .brackets]
    ) {
        self.byteLimit = byteLimit
        self.detection = detection
        self.unknownFeatures = unknownFeatures
        self.markerStyles = markerStyles
    }

    /// Chat messages: the 3000-byte limit, chat detection.
    public static let chat = RichTextOptions()
    /// UI strings: no limit, i18next syntax protected too.
    public static let uiStrings = RichTextOptions(byteLimit: nil, detection: .uiStrings)
}
