/// Why rich text was refused; every facet problem names the facet by its position in `facets`.
public enum FacetValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is longer than the limit, in UTF-8 bytes.
    case textTooLong(bytes: Int, limit: Int)
    /// The facet's range reaches outside the text (negative, or past its last byte).
    case rangeOutsideText(facet: Int, byteStart: Int, byteEnd: Int, textBytes: Int)
    /// `byteStart ≥ byteEnd`.
    case emptyRange(facet: Int, byteStart: Int, byteEnd: Int)
    /// An offset falls inside a multi-byte UTF-8 sequence.
    case notOnCharacterBoundary(facet: Int, offset: Int)
    /// A feature is not an object with a string `$type`.
    case malformedFeature(facet: Int, feature: Int, reason: String)

    /// The index of the facet at fault, if the problem is a facet's.
    public var facet: Int? {
        switch self {
        case .textTooLong: nil
        case .rangeOutsideText(let facet, _, _, _), .emptyRange(let facet, _, _),
             .notOnCharacterBoundary(let facet, _), .malformedFeature(let facet, _, _):
            facet
        }
    }

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .textTooLong: "text_too_long"
        case .rangeOutsideText: "facet_out_of_range"
        case .emptyRange: "facet_empty_range"
        case .notOnCharacterBoundary: "facet_not_on_boundary"
        case .malformedFeature: "facet_malformed_feature"
        }
    }

    public var description: String {
        switch self {
        case .textTooLong(let bytes, let limit):
            "text is \(bytes) bytes of UTF-8; the limit is \(limit)"
        case .rangeOutsideText(let facet, let start, let end, let count):
            "facets[\(facet)]: byte range \(start)..<\(end) is outside the text (\(count) bytes)"
        case .emptyRange(let facet, let start, let end):
            "facets[\(facet)]: byteStart \(start) must be less than byteEnd \(end)"
        case .notOnCharacterBoundary(let facet, let offset):
            "facets[\(facet)]: byte \(offset) is inside a UTF-8 character"
        case .malformedFeature(let facet, let feature, let reason):
            "facets[\(facet)].features[\(feature)]: \(reason)"
        }
    }
}
