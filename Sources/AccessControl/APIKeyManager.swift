import Foundation
import Hashing
import Storage
import Synchronization

/// Creates, lists, revokes and checks API keys.
///
/// Only a key's SHA-256 is stored. Checking a key costs one hash and, at most every couple of
/// seconds per key, one indexed read: recent answers are remembered briefly so that a busy
/// client does not hit the database on every request. Revoking through this manager takes
/// effect at once; a key created or revoked elsewhere (another instance, the CLI) as soon as
/// the store's change notification calls ``forgetRemembered()``, and at the latest within
/// ``cacheLifetime``. While the store cannot be read, a key that was valid stays valid (its
/// last verdict is used), so a database outage does not lock out every caller.
public final class APIKeyManager: Sendable {
    public let store: any ParleyStore
    /// How long a positive or negative lookup is remembered.
    public let cacheLifetime: Duration
    /// Recent verdicts by key hash: the principal (scopes already parsed) or why the key fails.
    private let remembered = Mutex<[String: (verdict: Result<Principal, AuthenticationError>, until: ContinuousClock.Instant)]>([:])

    public init(store: any ParleyStore, cacheLifetime: Duration = .seconds(2)) {
        self.store = store
        self.cacheLifetime = cacheLifetime
    }

    /// Makes and stores a new key. The returned key text is the only copy: show it once.
    public func create(name: String, scopes: [Scope], unlimited: Bool = false) async throws -> (record: APIKeyRecord, key: String) {
        let key = APIKeyGenerator.makeKey()
        let record = APIKeyRecord(
            id: APIKeyGenerator.makeID(), name: name, hash: Digest.sha256Hex(key.utf8),
            prefix: String(key.prefix(8)), scopes: scopes.map(\.description), unlimited: unlimited, createdAt: Date())
        try await store.insertAPIKey(record)
        return (record, key)
    }

    public func list() async throws -> [APIKeyRecord] {
        try await store.listAPIKeys()
    }

    /// Revokes a key by id; `false` when no such active key exists.
    public func revoke(id: String) async throws -> Bool {
        let revoked = try await store.revokeAPIKey(id: id, at: Date())
        forgetRemembered()
        return revoked
    }

    /// Drops every remembered verdict: keys changed somewhere else.
    public func forgetRemembered() {
        // Expired rather than removed: the next check reads the store, and if the store is
        // down the old verdict is still there to fall back on.
        let now = ContinuousClock.now
        remembered.withLock { entries in
            for hash in entries.keys { entries[hash]?.until = now }
        }
    }

    /// The principal a bearer key stands for.
    /// - Throws: ``AuthenticationError`` for malformed, unknown or revoked keys, or a
    ///   ``StoreError`` when the store cannot be read.
    public func authenticate(key: String) async throws -> Principal {
        guard APIKeyGenerator.isWellFormed(key) else { throw AuthenticationError.invalidKey }
        let hash = Digest.sha256Hex(key.utf8)
        let now = ContinuousClock.now
        if let known = remembered.withLock({ $0[hash] }), known.until > now {
            return try known.verdict.get()
        }
        let record: APIKeyRecord?
        do {
            record = try await store.apiKey(hash: hash)
        } catch let error as StoreError {
            // Degraded: a key that was valid when last checked is trusted until the store is back.
            if let known = remembered.withLock({ $0[hash] }), case .success(let principal) = known.verdict { return principal }
            throw error
        }
        let verdict = Self.verdict(for: record, hash: hash)
        let lifetime = cacheLifetime
        remembered.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[hash] = (verdict, now + lifetime)
        }
        return try verdict.get()
    }

    /// What a stored record (or its absence) means for a caller presenting `hash`.
    static func verdict(for record: APIKeyRecord?, hash: String) -> Result<Principal, AuthenticationError> {
        guard let record, Digest.constantTimeEquals(record.hash, hash) else { return .failure(.invalidKey) }
        guard !record.isRevoked else { return .failure(.revokedKey) }
        let scopes = record.scopes.compactMap { try? Scope(parsing: $0) }
        return .success(Principal(keyID: record.id, name: record.name, scopes: scopes, unlimited: record.unlimited))
    }
}
