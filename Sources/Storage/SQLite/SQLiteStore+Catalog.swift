import Foundation
import GRDB

extension SQLiteStore {
    public func catalogEntries(namespace: String?, language: String?) async throws -> [CatalogEntryRecord] {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let namespace { conditions.append("namespace = ?"); arguments += [namespace] }
            if let language { conditions.append("language = ?"); arguments += [language] }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM catalog_entry \(whereClause) ORDER BY namespace, language, position IS NULL, position, key",
                arguments: arguments
            ).map(Self.catalogEntry)
        }
    }

    public func catalogEntry(_ id: CatalogEntryID) async throws -> CatalogEntryRecord? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM catalog_entry WHERE namespace = ? AND key = ? AND language = ?",
                arguments: [id.namespace, id.key, id.language]
            ).map(Self.catalogEntry)
        }
    }

    public func catalogHistory(_ id: CatalogEntryID) async throws -> [CatalogRevisionRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM catalog_revision WHERE namespace = ? AND key = ? AND language = ? ORDER BY id",
                arguments: [id.namespace, id.key, id.language]
            ).map(Self.catalogRevision)
        }
    }

    public func catalogVersions(namespace: String) async throws -> [String: Int] {
        try await read { db in
            var versions: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT language, version FROM catalog_version WHERE namespace = ?", arguments: [namespace]) {
                versions[row["language"]] = row["version"]
            }
            return versions
        }
    }

    public func catalogIsEmpty() async throws -> Bool {
        try await read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM catalog_entry LIMIT 1)") == 0
        }
    }

    public func raiseCatalogVersions(_ versions: [CatalogVersionKey: Int]) async throws {
        try await write { db in
            for (key, version) in versions {
                try db.execute(
                    sql: """
                        INSERT INTO catalog_version (namespace, language, version) VALUES (?, ?, ?)
                        ON CONFLICT (namespace, language) DO UPDATE SET version = max(version, excluded.version)
                        """,
                    arguments: [key.namespace, key.language, version]
                )
            }
        }
    }

    public func applyCatalogMutations(_ mutations: [CatalogMutation]) async throws {
        guard !mutations.isEmpty else { return }
        let conflict: CatalogConflictError? = try await write { db in
            // Check every revision first, so that a conflict writes nothing at all.
            let check = try db.makeStatement(sql: "SELECT revision FROM catalog_entry WHERE namespace = ? AND key = ? AND language = ?")
            for mutation in mutations {
                let id = mutation.entry.id
                let actual = try Int.fetchOne(check, arguments: [id.namespace, id.key, id.language])
                if actual != mutation.expectedRevision {
                    return CatalogConflictError(entry: id, expectedRevision: mutation.expectedRevision, actualRevision: actual)
                }
            }
            let upsert = try db.makeStatement(sql: """
                INSERT INTO catalog_entry (namespace, key, language, position, isPlural, isLiteral, needsReview, value, state, revision, obsolete, synced, findings, updatedAt, updatedBy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (namespace, key, language) DO UPDATE SET
                  position = excluded.position, isPlural = excluded.isPlural, isLiteral = excluded.isLiteral, needsReview = excluded.needsReview, value = excluded.value, state = excluded.state,
                  revision = excluded.revision, obsolete = excluded.obsolete, synced = excluded.synced,
                  findings = excluded.findings, updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                """)
            let history = try db.makeStatement(sql: """
                INSERT INTO catalog_revision (namespace, key, language, revision, kind, author, at, oldValue, newValue, oldState, newState, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let bump = try db.makeStatement(sql: """
                INSERT INTO catalog_version (namespace, language, version) VALUES (?, ?, 1)
                ON CONFLICT (namespace, language) DO UPDATE SET version = version + 1
                """)
            var touched: Set<[String]> = []
            for mutation in mutations {
                let e = mutation.entry
                try upsert.execute(arguments: [
                    e.namespace, e.key, e.language, e.position, e.isPlural, e.isLiteral, e.needsReview, e.value, e.state.rawValue, e.revision, e.obsolete,
                    e.synced, e.findings, e.updatedAt.timeIntervalSince1970, e.updatedBy,
                ])
                for h in mutation.history {
                    try history.execute(arguments: [
                        h.namespace, h.key, h.language, h.revision, h.kind.rawValue, h.author, h.at.timeIntervalSince1970,
                        h.oldValue, h.newValue, h.oldState?.rawValue, h.newState?.rawValue, h.note,
                    ])
                }
                if mutation.touchesDocument { touched.insert([e.namespace, e.language]) }
            }
            for pair in touched.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                try bump.execute(arguments: [pair[0], pair[1]])
            }
            return nil
        }
        if let conflict { throw conflict }
        broadcaster.yield(.catalog)
    }

    private static func catalogEntry(_ row: Row) -> CatalogEntryRecord {
        let state: String = row["state"]
        return CatalogEntryRecord(
            namespace: row["namespace"], key: row["key"], language: row["language"], position: row["position"],
            isPlural: row["isPlural"], value: row["value"], state: CatalogEntryState(rawValue: state) ?? .untranslated,
            revision: row["revision"], obsolete: row["obsolete"], synced: row["synced"], findings: row["findings"],
            updatedAt: Date(timeIntervalSince1970: row["updatedAt"]), updatedBy: row["updatedBy"], isLiteral: row["isLiteral"], needsReview: row["needsReview"])
    }

    private static func catalogRevision(_ row: Row) -> CatalogRevisionRecord {
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
