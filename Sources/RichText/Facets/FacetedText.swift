/// AT Protocol rich text: a string and facets whose ranges are UTF-8 byte offsets into it.
///
/// Encodes as `{"text": ..., "facets": [...]}`; `facets` may be absent when decoding.
public struct FacetedText: Sendable, Hashable, Codable {
    public var text: String
    public var facets: [Facet]

    public init(text: String, facets: [Facet] = []) {
        self.text = text
        self.facets = facets
    }

    private enum CodingKeys: String, CodingKey { case text, facets }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        facets = try container.decodeIfPresent([Facet].self, forKey: .facets) ?? []
    }

    /// The bytes a facet covers, as text (empty when the range is invalid).
    public func covered(by facet: Facet) -> String {
        let bytes = Array(text.utf8)
        let range = facet.index.range
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Throws when a facet is invalid for the text or the text is over `byteLimit`.
    public func validate(byteLimit: Int? = FacetValidator.defaultByteLimit) throws(FacetValidationError) {
        try FacetValidator.validate(facets, in: text, byteLimit: byteLimit)
    }
}
