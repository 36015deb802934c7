/// The audit side of the store: catalog revisions across all entries (who changed what, when),
/// other audited events, and the namespace versions of every language at once (for change
/// notifications). ``SQLiteStore`` conforms.
public protocol AuditStore: Sendable {
    /// Catalog revisions of every entry matching `query`, newest first.
    func catalogRevisions(_ query: AuditQuery) async throws -> [CatalogRevisionRecord]
    /// Appends an event (committed before returning); returns it with its id.
    @discardableResult
    func appendAuditEvent(_ event: AuditEventRecord) async throws -> AuditEventRecord
    /// Events matching `query`, newest first.
    func auditEvents(_ query: AuditQuery) async throws -> [AuditEventRecord]
    /// Every (namespace, language) version.
    func allCatalogVersions() async throws -> [CatalogVersionKey: Int]
}
