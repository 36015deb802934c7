import Foundation
import GRDB

extension SQLiteStore {
    static func registerWorkQueueMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-work-queue") { db in
            try db.create(table: "work_item") { table in
                table.column("id", .text).primaryKey()
                table.column("kind", .text).notNull()
                table.column("payload", .text).notNull()
                table.column("state", .text).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("runAfter", .double).notNull()
                table.column("owner", .text)
                table.column("leaseUntil", .double)
                table.column("progress", .text)
                table.column("result", .text)
                table.column("reason", .text)
                table.column("requestedBy", .text).notNull()
                table.column("language", .text)
                table.column("namespace", .text)
                table.column("createdAt", .double).notNull()
                table.column("finishedAt", .double)
            }
            try db.create(index: "work_item_due", on: "work_item", columns: ["state", "runAfter"])
        }
    }

    public func enqueueWork(_ item: WorkItemRecord) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO work_item (id, kind, payload, state, attempts, runAfter, owner, leaseUntil, progress, result, reason,
                      requestedBy, language, namespace, createdAt, finishedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                    """,
                arguments: [
                    item.id, item.kind, item.payload, item.state.rawValue, item.attempts, item.runAfter.timeIntervalSince1970, item.owner,
                    item.leaseUntil?.timeIntervalSince1970, item.progress, item.result, item.reason, item.requestedBy, item.language,
                    item.namespace, item.createdAt.timeIntervalSince1970, item.finishedAt?.timeIntervalSince1970,
                ])
            return db.changesCount > 0
        }
    }

    public func claimWork(kinds: [String], owner: String, lease: Duration) async throws -> WorkItemRecord? {
        guard !kinds.isEmpty else { return nil }
        return try await write { db in
            // The write transaction holds SQLite's write lock: no other claim runs in between.
            let now = Date().timeIntervalSince1970
            let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
            var arguments = StatementArguments(kinds)
            arguments += [now, now]
            guard let id = try String.fetchOne(
                db,
                sql: """
                    SELECT id FROM work_item WHERE kind IN (\(marks))
                      AND ((state = 'queued' AND runAfter <= ?) OR (state = 'running' AND leaseUntil < ?))
                    ORDER BY runAfter, createdAt LIMIT 1
                    """,
                arguments: arguments)
            else { return nil }
            try db.execute(
                sql: "UPDATE work_item SET state = 'running', owner = ?, leaseUntil = ?, attempts = attempts + 1 WHERE id = ?",
                arguments: [owner, now + lease.storeSeconds, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM work_item WHERE id = ?", arguments: [id]).map(Self.workItem)
        }
    }

    public func renewWork(id: String, owner: String, lease: Duration, progress: String?) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE work_item SET leaseUntil = ?, progress = coalesce(?, progress) WHERE id = ? AND owner = ? AND state = 'running'",
                arguments: [Date().timeIntervalSince1970 + lease.storeSeconds, progress, id, owner])
            return db.changesCount > 0
        }
    }

    public func releaseWork(id: String, owner: String, as release: WorkRelease) async throws -> Bool {
        try await write { db in
            let now = Date().timeIntervalSince1970
            switch release {
            case .finished(let state, let result, let reason):
                try db.execute(
                    sql: """
                        UPDATE work_item SET state = ?, result = ?, reason = ?, finishedAt = ?, owner = NULL, leaseUntil = NULL
                        WHERE id = ? AND owner = ? AND state = 'running'
                        """,
                    arguments: [state.rawValue, result, reason, now, id, owner])
            case .retry(let after, let reason):
                try db.execute(
                    sql: """
                        UPDATE work_item SET state = 'queued', runAfter = ?, reason = ?, owner = NULL, leaseUntil = NULL
                        WHERE id = ? AND owner = ? AND state = 'running'
                        """,
                    arguments: [now + after.storeSeconds, reason, id, owner])
            }
            return db.changesCount > 0
        }
    }

    public func workItem(id: String) async throws -> WorkItemRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM work_item WHERE id = ?", arguments: [id]).map(Self.workItem)
        }
    }

    public func unfinishedWorkCount(kinds: [String]) async throws -> Int {
        guard !kinds.isEmpty else { return 0 }
        return try await read { db in
            let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
            return try Int.fetchOne(
                db, sql: "SELECT count(*) FROM work_item WHERE kind IN (\(marks)) AND state IN ('queued', 'running')",
                arguments: StatementArguments(kinds)) ?? 0
        }
    }

    public func pruneFinishedWork(olderThan age: Duration) async throws -> Int {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM work_item WHERE state IN ('completed', 'failed') AND finishedAt < ?",
                arguments: [Date().timeIntervalSince1970 - age.storeSeconds])
            return db.changesCount
        }
    }

    private static func workItem(_ row: Row) -> WorkItemRecord {
        let leaseUntil: Double? = row["leaseUntil"]
        let finishedAt: Double? = row["finishedAt"]
        return WorkItemRecord(
            id: row["id"], kind: row["kind"], payload: row["payload"],
            state: WorkItemRecord.State(rawValue: row["state"]) ?? .queued, attempts: row["attempts"],
            runAfter: Date(timeIntervalSince1970: row["runAfter"]), owner: row["owner"],
            leaseUntil: leaseUntil.map { Date(timeIntervalSince1970: $0) }, progress: row["progress"], result: row["result"],
            reason: row["reason"], requestedBy: row["requestedBy"], language: row["language"], namespace: row["namespace"],
            createdAt: Date(timeIntervalSince1970: row["createdAt"]), finishedAt: finishedAt.map { Date(timeIntervalSince1970: $0) })
    }
}
