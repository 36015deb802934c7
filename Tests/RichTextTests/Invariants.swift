import Glossary
import RichText
import Testing

/// Whether a facet must come out byte for byte (under the default unknown-feature policy).
func isProtected(_ facet: Facet) -> Bool {
    facet.features.contains { $0.kind?.isProtected ?? false }
}

/// Checks what every translation must satisfy: facets valid for the text; each protected facet
/// present once, over exactly its source bytes; each formatting facet present or reported
/// dropped; each protected span (and forced term) present in the text.
func checkInvariants(
    _ input: FacetedText, _ translation: RichTextTranslation, glossary: [GlossaryRule] = [],
    options: RichTextOptions = .chat, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(throws: Never.self, sourceLocation: sourceLocation) { try validate(translation.facets, in: translation.text) }
    let output = translation.richText
    // Protected facets: the same multiset of (features, covered bytes) as in the source.
    let protectedIn = input.facets.filter(isProtected)
    let protectedOut = translation.facets.filter(isProtected)
    #expect(protectedIn.count == protectedOut.count, "protected facets: \(protectedIn.count) in, \(protectedOut.count) out",
            sourceLocation: sourceLocation)
    func key(_ facet: Facet, _ text: FacetedText) -> String {
        "\(facet.features) \(facet.extra) \(Array(text.covered(by: facet).utf8))"
    }
    #expect(protectedIn.map { key($0, input) }.sorted() == protectedOut.map { key($0, output) }.sorted(),
            "protected facets changed", sourceLocation: sourceLocation)
    let dropped = translation.warnings.contains { $0.code == RichTextWarning.formattingDropped }
    for facet in input.facets where !isProtected(facet) {
        let placed = translation.facets.contains { $0.features == facet.features }
        #expect(placed || dropped, "formatting facet \(facet.features) lost without a warning", sourceLocation: sourceLocation)
    }
    if let protected = try? ProtectedText(input, glossary: glossary, options: options) {
        for span in protected.spans {
            #expect(bytes(Array(translation.text.utf8), contain: Array(span.output.utf8)), "span \(span.original) lost",
                    sourceLocation: sourceLocation)
        }
    }
    #expect(translation.text != input.text, "the source came back as its translation", sourceLocation: sourceLocation)
}

/// Whether `needle` occurs in `haystack`, byte for byte.
func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}

/// The byte range of the first occurrence of `needle` in `text` (test fixtures).
func byteRange(of needle: String, in text: String, occurrence: Int = 0) -> Range<Int> {
    let haystack = Array(text.utf8), target = Array(needle.utf8)
    var found = 0
    for start in 0...(haystack.count - target.count) where haystack[start..<(start + target.count)].elementsEqual(target) {
        if found == occurrence { return start..<(start + target.count) }
        found += 1
    }
    preconditionFailure("\(needle) not in \(text)")
}

extension Facet {
    /// A facet over the first occurrence of `needle` in `text`.
    init(_ needle: String, in text: String, _ features: FacetFeature...) {
        let range = byteRange(of: needle, in: text)
        self.init(index: FacetIndex(byteStart: range.lowerBound, byteEnd: range.upperBound), features: features)
    }
}
