import Foundation
import PostgresNIO

extension PostgresStore: AuditStore {
    public func catalogRevisions(_ query: AuditQuery) async throws -> [CatalogRevisionRecord] {
        let since = query.since?.timeIntervalSince1970, limit = max(0, query.limit)
        return try await withConnection { connection in
            try await connection.query("""
                SELECT \(unescaped: Self.revisionColumns) FROM catalog_revision
                WHERE (\(query.language)::text IS NULL OR language = \(query.language))
                  AND (\(query.namespace)::text IS NULL OR namespace = \(query.namespace))
                  AND (\(query.actor)::text IS NULL OR author = \(query.actor))
                  AND (\(since)::float8 IS NULL OR at >= \(since))
                ORDER BY at DESC, id DESC LIMIT \(limit)
                """, logger: self.logger).collect().map(Self.catalogRevision)
        }
    }

    @discardableResult
    public func appendAuditEvent(_ event: AuditEventRecord) async throws -> AuditEventRecord {
        let at = event.at.timeIntervalSince1970
        let id = try await withConnection { connection in
            try await connection.query("""
                INSERT INTO audit_event (at, actor, action, language, namespace, key, detail)
                VALUES (\(at), \(event.actor), \(event.action), \(event.language), \(event.namespace), \(event.key), \(event.detail))
                RETURNING id
                """, logger: self.logger).collect().first?.decode(Int64.self) ?? 0
        }
        var stored = event
        stored.id = id
        return stored
    }

    public func auditEvents(_ query: AuditQuery) async throws -> [AuditEventRecord] {
        let since = query.since?.timeIntervalSince1970, limit = max(0, query.limit)
        return try await withConnection { connection in
            try await connection.query("""
                SELECT id, at, actor, action, language, namespace, key, detail FROM audit_event
                WHERE (\(query.language)::text IS NULL OR language = \(query.language))
                  AND (\(query.namespace)::text IS NULL OR namespace = \(query.namespace))
                  AND (\(query.actor)::text IS NULL OR actor = \(query.actor))
                  AND (\(since)::float8 IS NULL OR at >= \(since))
                ORDER BY at DESC, id DESC LIMIT \(limit)
                """, logger: self.logger).collect().map { row in
                let (id, at, actor, action, language, namespace, key, detail) =
                    try row.decode((Int64, Double, String, String, String?, String?, String?, String?).self)
                return AuditEventRecord(
                    id: id, at: Date(timeIntervalSince1970: at), actor: actor, action: action,
                    language: language, namespace: namespace, key: key, detail: detail)
            }
        }
    }

    public func allCatalogVersions() async throws -> [CatalogVersionKey: Int] {
        try await withConnection { connection in
            var versions: [CatalogVersionKey: Int] = [:]
            for row in try await connection.query("SELECT namespace, language, version FROM catalog_version", logger: self.logger).collect() {
                let (namespace, language, version) = try row.decode((String, String, Int).self)
                versions[CatalogVersionKey(namespace: namespace, language: language)] = version
            }
            return versions
        }
    }
}
