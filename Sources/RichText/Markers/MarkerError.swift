/// Why a translation with markers could not be trusted (the translator then falls back to
/// translating the segments between protected spans).
public enum MarkerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No marker style fits this text, so there is no marked string to restore.
    case noMarkedText
    /// A placeholder did not come back.
    case missingPlaceholder(id: Int)
    /// A placeholder came back more than once.
    case duplicatePlaceholder(id: Int)
    /// Something that reads as a marker but is not one that was sent, or has the wrong form.
    case unknownMarker(String)
    /// A formatting marker lacks its partner, comes back twice, or closes before it opens.
    case unbalancedMarker(id: Int)
    /// Formatting markers cross instead of nesting.
    case improperNesting(id: Int)
    /// More marker syntax (`<`, `>` or `[`, `]`) came back than the source had: a marker was
    /// mangled beyond recognition.
    case corruptedMarker
    /// The translation is empty.
    case emptyTranslation
    /// A formatting span came back around no text.
    case formattingLost(facet: Int)
    /// The restored facets did not validate (a bug; reported rather than emitted).
    case invalidResult(FacetValidationError)

    public var description: String {
        switch self {
        case .noMarkedText: "the text already contains marker syntax; no marked string was made"
        case .missingPlaceholder(let id): "placeholder \(id) is missing from the translation"
        case .duplicatePlaceholder(let id): "placeholder \(id) appears more than once in the translation"
        case .unknownMarker(let text): "unexpected marker \(text) in the translation"
        case .unbalancedMarker(let id): "formatting marker \(id) is unbalanced in the translation"
        case .improperNesting(let id): "formatting marker \(id) is not properly nested in the translation"
        case .corruptedMarker: "the translation has a mangled marker"
        case .emptyTranslation: "the translation is empty"
        case .formattingLost(let facet): "facets[\(facet)] came back around no text"
        case .invalidResult(let error): "restored facets are invalid: \(error)"
        }
    }
}
