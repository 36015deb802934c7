/// One feature of a facet: a JSON object with a string `$type` and whatever else it carries.
///
/// The whole object is kept as a ``JSONValue`` and re-encoded as it came, so fields Parley
/// does not know (and features of unknown types) round-trip. Decoding accepts any JSON value;
/// ``FacetValidator`` rejects a feature that is not an object with a string `$type`.
public struct FacetFeature: Sendable, Hashable, Codable {
    /// The feature as sent.
    public var json: JSONValue

    public init(json: JSONValue) {
        self.json = json
    }

    /// A feature of `type` with extra `fields`.
    public init(type: String, fields: [String: JSONValue] = [:]) {
        var object = fields
        object["$type"] = .string(type)
        self.json = .object(object)
    }

    public init(from decoder: any Decoder) throws {
        json = try JSONValue(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The `$type`, when the feature is an object with a string `$type`.
    public var type: String? {
        json["$type"]?.stringValue
    }

    /// What the feature does; `nil` for a malformed feature.
    public var kind: FeatureKind? {
        type.map(FeatureKind.init(type:))
    }

    /// `app.protoimsg.chat.message#mention` of `did`.
    public static func mention(did: String) -> FacetFeature {
        FacetFeature(type: FeatureKind.mention.protoimsgType, fields: ["did": .string(did)])
    }

    /// `app.protoimsg.chat.message#link` to `uri`.
    public static func link(uri: String) -> FacetFeature {
        FacetFeature(type: FeatureKind.link.protoimsgType, fields: ["uri": .string(uri)])
    }

    /// `app.protoimsg.chat.message#tag` of `tag` (without `#`).
    public static func tag(_ tag: String) -> FacetFeature {
        FacetFeature(type: FeatureKind.tag.protoimsgType, fields: ["tag": .string(tag)])
    }

    /// `app.protoimsg.chat.message#codeBlock`, with an optional `lang`.
    public static func codeBlock(lang: String? = nil) -> FacetFeature {
        FacetFeature(type: FeatureKind.codeBlock.protoimsgType, fields: lang.map { ["lang": .string($0)] } ?? [:])
    }

    public static let bold = FacetFeature(type: FeatureKind.bold.protoimsgType)
    public static let italic = FacetFeature(type: FeatureKind.italic.protoimsgType)
    public static let strikethrough = FacetFeature(type: FeatureKind.strikethrough.protoimsgType)
    public static let codeInline = FacetFeature(type: FeatureKind.codeInline.protoimsgType)
    public static let blockquote = FacetFeature(type: FeatureKind.blockquote.protoimsgType)
}
