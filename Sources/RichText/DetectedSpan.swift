/// A span found in the text that must not be translated, with what it becomes in the output.
struct DetectedSpan: Sendable, Hashable {
    var range: Range<Int>
    var kind: SpanKind
    /// The output bytes when they differ from the source (forced glossary terms).
    var replacement: [UInt8]?
}
