/// A webhook event body, serialized exactly once so that the signed bytes are the sent bytes:
/// `{"event":"catalog.changed","lang":"ar","namespace":"chat"}` (keys in this order).
public struct WebhookEvent: Sendable, Hashable {
    public var event: String
    public var language: String
    public var namespace: String

    /// A catalog namespace of a language changed (its ETag with it).
    public static func catalogChanged(language: String, namespace: String) -> WebhookEvent {
        WebhookEvent(event: "catalog.changed", language: language, namespace: namespace)
    }

    /// The JSON body.
    public var body: [UInt8] {
        Array("{\"event\":\(Self.quoted(event)),\"lang\":\(Self.quoted(language)),\"namespace\":\(Self.quoted(namespace))}".utf8)
    }

    static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }
}
