import Foundation
import Hashing

/// A webhook event body, serialized exactly once so that the signed bytes are the sent bytes:
/// `{"event":"catalog.changed","lang":"ar","namespace":"chat"}` (keys sorted, which is this order).
///
/// Its ``id`` travels in the `X-Parley-Event-Id` header, not the body. It is derived from
/// what changed — the namespace, language and the version the change produced — so every
/// instance that notices one change names it alike: the store keeps one delivery per id, and
/// a receiver that sees an id twice (a retry after a lost answer) can drop the second.
public struct WebhookEvent: Sendable, Hashable, Encodable {
    /// The header carrying ``id``.
    public static let idHeaderName = "X-Parley-Event-Id"

    public var id: String
    public var event: String
    public var language: String
    public var namespace: String

    enum CodingKeys: String, CodingKey {
        case event
        case language = "lang"
        case namespace
    }

    /// A catalog namespace of a language changed (its ETag with it) to `version`; `nil` when
    /// the version could not be read, which makes the id unique instead of shared.
    public static func catalogChanged(language: String, namespace: String, version: Int? = nil) -> WebhookEvent {
        let name = "catalog.changed"
        let identity = version.map { "\(name):\(language):\(namespace):\($0)" } ?? "\(name):\(language):\(namespace):" + UUID().uuidString
        return WebhookEvent(id: "evt_" + Digest.sha256Hex(Array(identity.utf8)).prefix(32), event: name, language: language, namespace: namespace)
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
