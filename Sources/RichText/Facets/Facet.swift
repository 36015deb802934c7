/// One facet of AT Protocol rich text: a byte range and the features that apply to it.
///
/// Fields besides `index` and `features` (such as Bluesky's `"$type":"app.bsky.richtext.facet"`)
/// are kept in ``extra`` and re-encoded.
public struct Facet: Sendable, Hashable, Codable {
    public var index: FacetIndex
    public var features: [FacetFeature]
    /// Other members of the facet object, kept as sent.
    public var extra: [String: JSONValue]

    public init(index: FacetIndex, features: [FacetFeature], extra: [String: JSONValue] = [:]) {
        self.index = index
        self.features = features
        self.extra = extra
    }

    /// A facet over `byteStart..<byteEnd` with `features`.
    public init(_ byteStart: Int, _ byteEnd: Int, _ features: FacetFeature...) {
        self.init(index: FacetIndex(byteStart: byteStart, byteEnd: byteEnd), features: features)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        index = try container.decode(FacetIndex.self, forKey: DynamicKey("index"))
        features = try container.decode([FacetFeature].self, forKey: DynamicKey("features"))
        var extra: [String: JSONValue] = [:]
        for key in container.allKeys where key.stringValue != "index" && key.stringValue != "features" {
            extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.extra = extra
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for (key, value) in extra where key != "index" && key != "features" {
            try container.encode(value, forKey: DynamicKey(key))
        }
        try container.encode(index, forKey: DynamicKey("index"))
        try container.encode(features, forKey: DynamicKey("features"))
    }

    /// The same facet over another range.
    func moved(to range: Range<Int>) -> Facet {
        Facet(index: FacetIndex(byteStart: range.lowerBound, byteEnd: range.upperBound), features: features, extra: extra)
    }
}

/// A coding key for any member name.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
