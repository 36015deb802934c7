import Foundation

/// Parley's durable state, behind one seam: SQLite (``SQLiteStore``) for one instance,
/// PostgreSQL (``PostgresStore``) shared by several. Every acknowledged write is committed
/// before the call returns. ``StoreURL/open(logger:)`` opens the one a URL names.
public protocol ParleyStore: CatalogStore, AuditStore, RateLimitStore, WorkQueueStore, Sendable {
    /// Proves the store can be read now (used by `/readyz`); throws ``StoreError`` otherwise.
    func ping() async throws

    /// A short description for logs and `/readyz` (`sqlite:/path/parley.sqlite`).
    var location: String { get }

    /// Closes the store; every later call fails with ``StoreError/unavailable(_:)``.
    func close() async throws

    /// Changes to keys, catalogs and the cache, made by anyone using this store, as they are
    /// committed: on PostgreSQL from every instance and the CLI (LISTEN/NOTIFY, with a
    /// ``StoreChange/resync`` every poll interval while notifications cannot be received); on
    /// SQLite from this process only. Each call returns a stream of its own.
    func changes() -> AsyncStream<StoreChange>

    // MARK: API keys

    /// Saves a new key; throws ``StoreError/conflict(_:)`` when the id or hash exists.
    func insertAPIKey(_ record: APIKeyRecord) async throws
    /// The key whose SHA-256 is `hash`, revoked or not.
    func apiKey(hash: String) async throws -> APIKeyRecord?
    /// All keys, oldest first.
    func listAPIKeys() async throws -> [APIKeyRecord]
    /// Marks a key revoked; returns `false` when there is no such key or it was already revoked.
    func revokeAPIKey(id: String, at date: Date) async throws -> Bool

    // MARK: Translation cache (losing recent entries in a crash is harmless; they are re-made)

    /// The cached translation under `key`, if any and not older than `notBefore`.
    func cachedTranslation(key: String, notBefore: Date) async throws -> CachedTranslation?
    /// Saves translations in one transaction (replacing entries with the same key).
    func saveTranslations(_ entries: [CachedTranslation]) async throws
    /// Deletes entries created before `date` (all when `nil`); returns how many.
    func purgeTranslations(olderThan date: Date?) async throws -> Int
    func translationCacheStatistics() async throws -> TranslationCacheStatistics

    // MARK: Moving a deployment (`parley store check|copy`)

    /// How far the schema is migrated, read without migrating.
    func schemaStatus() async throws -> StoreSchemaStatus
    /// Up to `limit` cache entries whose keys sort after `key` (all from the start when `nil`),
    /// in key order: a whole cache is read page by page without holding it in memory.
    func translations(after key: String?, limit: Int) async throws -> [CachedTranslation]
    /// Raises each namespace version to at least the given one (never lowers one), so a copy
    /// serves the same ETags as its original and a client's cached ETag cannot match other content.
    func raiseCatalogVersions(_ versions: [CatalogVersionKey: Int]) async throws
}
