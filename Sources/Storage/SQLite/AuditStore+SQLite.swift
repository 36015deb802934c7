import Foundation
import GRDB

extension SQLiteStore {
    public func catalogRevisions(_ query: AuditQuery) async throws -> [CatalogRevisionRecord] {
        try await read { db in
            let (clause, arguments) = Self.auditConditions(query, actorColumn: "author")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM catalog_revision \(clause) ORDER BY at DESC, id DESC LIMIT ?",
                arguments: arguments + [max(0, query.limit)]
            ).map(Self.auditRevision)
        }
    }

    @discardableResult
    public func appendAuditEvent(_ event: AuditEventRecord) async throws -> AuditEventRecord {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO audit_event (at, actor, action, language, namespace, key, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [event.at.timeIntervalSince1970, event.actor, event.action, event.language, event.namespace, event.key, event.detail])
            var stored = event
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    public func auditEvents(_ query: AuditQuery) async throws -> [AuditEventRecord] {
        try await read { db in
            let (clause, arguments) = Self.auditConditions(query, actorColumn: "actor")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM audit_event \(clause) ORDER BY at DESC, id DESC LIMIT ?",
                arguments: arguments + [max(0, query.limit)]
            ).map { row in
                AuditEventRecord(
                    id: row["id"], at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"], action: row["action"],
                    language: row["language"], namespace: row["namespace"], key: row["key"], detail: row["detail"])
            }
        }
    }

    public func allCatalogVersions() async throws -> [CatalogVersionKey: Int] {
        try await read { db in
            var versions: [CatalogVersionKey: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT namespace, language, version FROM catalog_version") {
                versions[CatalogVersionKey(namespace: row["namespace"], language: row["language"])] = row["version"]
            }
            return versions
        }
    }

    private static func auditConditions(_ query: AuditQuery, actorColumn: String) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let language = query.language { conditions.append("language = ?"); arguments += [language] }
        if let namespace = query.namespace { conditions.append("namespace = ?"); arguments += [namespace] }
        if let actor = query.actor { conditions.append("\(actorColumn) = ?"); arguments += [actor] }
        if let since = query.since { conditions.append("at >= ?"); arguments += [since.timeIntervalSince1970] }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    private static func auditRevision(_ row: Row) -> CatalogRevisionRecord {
        let kind: String = row["kind"]
        let oldState: String? = row["oldState"]
        let newState: String? = row["newState"]
        return CatalogRevisionRecord(
            namespace: row["namespace"], key: row["key"], language: row["language"], revision: row["revision"],
            kind: CatalogRevisionKind(rawValue: kind) ?? .edit, author: row["author"],
            at: Date(timeIntervalSince1970: row["at"]), oldValue: row["oldValue"], newValue: row["newValue"],
            oldState: oldState.flatMap(CatalogEntryState.init(rawValue:)),
            newState: newState.flatMap(CatalogEntryState.init(rawValue:)), note: row["note"])
    }
}
