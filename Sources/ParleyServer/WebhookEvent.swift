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

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
