import Foundation

/// A translation kept in the cache: what the backend produced, which backend, and when.
public struct CachedTranslation: Sendable, Equatable {
    /// The cache key (hex SHA-256 of text, languages, format, model and glossary version).
    public var key: String
    public var text: String
    /// The backend (or pivot route) that produced it, e.g. `lt` or `nllb+lt`.
    public var backend: String
    public var createdAt: Date

    public init(key: String, text: String, backend: String, createdAt: Date) {
        self.key = key
        self.text = text
        self.backend = backend
        self.createdAt = createdAt
    }
}

/// Size of the persistent translation cache.
public struct TranslationCacheStatistics: Sendable, Equatable {
    public var entries: Int
    public var bytes: Int
    public var oldest: Date?
    public var newest: Date?

    public init(entries: Int, bytes: Int, oldest: Date?, newest: Date?) {
        self.entries = entries
        self.bytes = bytes
        self.oldest = oldest
        self.newest = newest
    }
}
