/// Checks facets against their text: ranges inside it, on UTF-8 character boundaries,
/// start < end, features objects with a string `$type`, text within the byte limit.
public enum FacetValidator {
    /// protoimsg's limit on a chat message's text, in UTF-8 bytes.
    public static let defaultByteLimit = 3000

    /// Throws the first problem found, facets in order; `byteLimit: nil` skips the length check
    /// (for translated text, which may be longer than its source).
    public static func validate(_ facets: [Facet], in text: String, byteLimit: Int? = defaultByteLimit) throws(FacetValidationError) {
        let bytes = Array(text.utf8)
        if let byteLimit, bytes.count > byteLimit {
            throw .textTooLong(bytes: bytes.count, limit: byteLimit)
        }
        for (position, facet) in facets.enumerated() {
            try validate(facet, at: position, in: bytes)
        }
    }

    /// Throws when the facet at `position` is invalid for `bytes`.
    static func validate(_ facet: Facet, at position: Int, in bytes: [UInt8]) throws(FacetValidationError) {
        let start = facet.index.byteStart, end = facet.index.byteEnd
        if start < 0 || end < 0 || start > bytes.count || end > bytes.count {
            throw .rangeOutsideText(facet: position, byteStart: start, byteEnd: end, textBytes: bytes.count)
        }
        if start >= end {
            throw .emptyRange(facet: position, byteStart: start, byteEnd: end)
        }
        for offset in [start, end] where !UTF8Bytes.isBoundary(offset, in: bytes) {
            throw .notOnCharacterBoundary(facet: position, offset: offset)
        }
        for (number, feature) in facet.features.enumerated() {
            guard case .object(let object) = feature.json else {
                throw .malformedFeature(facet: position, feature: number, reason: "a feature must be a JSON object")
            }
            guard let type = object["$type"] else {
                throw .malformedFeature(facet: position, feature: number, reason: "missing \"$type\"")
            }
            guard let name = type.stringValue, !name.isEmpty else {
                throw .malformedFeature(facet: position, feature: number, reason: "\"$type\" must be a non-empty string")
            }
        }
    }
}

/// Checks `facets` against `text` (see ``FacetValidator/validate(_:in:byteLimit:)``).
public func validate(_ facets: [Facet], in text: String, byteLimit: Int? = nil) throws(FacetValidationError) {
    try FacetValidator.validate(facets, in: text, byteLimit: byteLimit)
}
