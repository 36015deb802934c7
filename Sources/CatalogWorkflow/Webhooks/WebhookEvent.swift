import Foundation

/// A webhook event body, serialized exactly once so that the signed bytes are the sent bytes:
/// `{"event":"catalog.changed","lang":"ar","namespace":"chat"}` (keys sorted, which is this order).
public struct WebhookEvent: Sendable, Hashable, Encodable {
    public var event: String
    public var language: String
    public var namespace: String

    enum CodingKeys: String, CodingKey {
        case event
        case language = "lang"
        case namespace
    }

    /// A catalog namespace of a language changed (its ETag with it).
    public static func catalogChanged(language: String, namespace: String) -> WebhookEvent {
        WebhookEvent(event: "catalog.changed", language: language, namespace: namespace)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The JSON body. (Encoding three strings cannot fail; the empty fallback is never sent.)
    public var body: [UInt8] {
        (try? Self.encoder.encode(self)).map { [UInt8]($0) } ?? []
    }
}
