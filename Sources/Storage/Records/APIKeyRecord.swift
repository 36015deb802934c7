import Foundation

/// An API key as the store keeps it: never the key itself, only its SHA-256.
public struct APIKeyRecord: Sendable, Equatable, Codable {
    /// Public identifier (`key_…`), used to list and revoke.
    public var id: String
    /// A name for people (`chat-server`, `alice-translator`).
    public var name: String
    /// Lower-case hex SHA-256 of the key's bytes.
    public var hash: String
    /// The key's first characters, shown in listings to help tell keys apart.
    public var prefix: String
    /// Granted scopes as written (`translate`, `catalog:write:ar`, `admin`, …).
    public var scopes: [String]
    /// `true` exempts the key from rate limiting.
    public var unlimited: Bool
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, name: String, hash: String, prefix: String, scopes: [String], unlimited: Bool, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.hash = hash
        self.prefix = prefix
        self.scopes = scopes
        self.unlimited = unlimited
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var isRevoked: Bool { revokedAt != nil }
}
