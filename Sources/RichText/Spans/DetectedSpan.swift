import Glossary

/// A span found in the text that must not be translated, with what it becomes in the output.
struct DetectedSpan: Sendable, Hashable {
    var range: Range<Int>
    var kind: SpanKind
    /// The output bytes when they differ from the source (forced glossary terms).
    var replacement: [UInt8]?
}

extension DetectedSpan {
    /// A glossary term found for protection.
    init(_ occurrence: TermOccurrence) {
        self.init(
            range: occurrence.range,
            kind: occurrence.doNotTranslate ? .glossaryKeep : .glossaryForce,
            replacement: occurrence.replacement.map { Array($0.utf8) })
    }
}
