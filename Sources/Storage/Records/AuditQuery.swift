import Foundation

/// Which audit entries to read: newest first, at most `limit`, optionally only some.
public struct AuditQuery: Sendable, Hashable {
    public var language: String?
    public var namespace: String?
    /// Exact author / actor.
    public var actor: String?
    /// Only entries at or after this instant.
    public var since: Date?
    public var limit: Int

    public init(language: String? = nil, namespace: String? = nil, actor: String? = nil, since: Date? = nil, limit: Int = 100) {
        self.language = language
        self.namespace = namespace
        self.actor = actor
        self.since = since
        self.limit = limit
    }
}
