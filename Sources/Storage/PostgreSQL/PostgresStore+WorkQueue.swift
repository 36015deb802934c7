import Foundation
import PostgresNIO

extension PostgresStore {
    /// The database's clock, in seconds since 1970: leases and retry times are read and
    /// written against it alone, so instances whose clocks disagree cannot steal live claims.
    static let databaseNow = "extract(epoch FROM clock_timestamp())::double precision"

    public func enqueueWork(_ item: WorkItemRecord) async throws -> Bool {
        let runAfter = item.runAfter.timeIntervalSince1970
        let leaseUntil = item.leaseUntil?.timeIntervalSince1970
        let created = item.createdAt.timeIntervalSince1970
        let finished = item.finishedAt?.timeIntervalSince1970
        return try await withConnection { connection in
            try await connection.query(
                """
                INSERT INTO work_item (id, kind, payload, state, attempts, run_after, owner, lease_until, progress, result, reason,
                  requested_by, language, namespace, created_at, finished_at)
                VALUES (\(item.id), \(item.kind), \(item.payload), \(item.state.rawValue), \(item.attempts), \(runAfter), \(item.owner),
                  \(leaseUntil), \(item.progress), \(item.result), \(item.reason), \(item.requestedBy), \(item.language), \(item.namespace),
                  \(created), \(finished))
                ON CONFLICT (id) DO NOTHING RETURNING 1
                """, logger: self.logger
            ).collect().count > 0
        }
    }

    public func claimWork(kinds: [String], owner: String, lease: Duration) async throws -> WorkItemRecord? {
        guard !kinds.isEmpty else { return nil }
        let seconds = lease.storeSeconds
        return try await withConnection { connection in
            // SKIP LOCKED: racing instances each take a different item instead of queueing on one.
            try await connection.query(
                """
                UPDATE work_item SET state = 'running', owner = \(owner), lease_until = \(unescaped: Self.databaseNow) + \(seconds),
                  attempts = attempts + 1
                WHERE id = (
                  SELECT id FROM work_item WHERE kind = ANY(\(kinds))
                    AND ((state = 'queued' AND run_after <= \(unescaped: Self.databaseNow))
                      OR (state = 'running' AND lease_until < \(unescaped: Self.databaseNow)))
                  ORDER BY run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.workColumns)
                """, logger: self.logger
            ).collect().first.map(Self.workItem)
        }
    }

    public func renewWork(id: String, owner: String, lease: Duration, progress: String?) async throws -> Bool {
        let seconds = lease.storeSeconds
        return try await withConnection { connection in
            try await connection.query(
                """
                UPDATE work_item SET lease_until = \(unescaped: Self.databaseNow) + \(seconds), progress = coalesce(\(progress), progress)
                WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING 1
                """, logger: self.logger
            ).collect().count > 0
        }
    }

    public func releaseWork(id: String, owner: String, as release: WorkRelease) async throws -> Bool {
        try await withConnection { connection in
            let rows: [PostgresRow]
            switch release {
            case .finished(let state, let result, let reason):
                rows = try await connection.query(
                    """
                    UPDATE work_item SET state = \(state.rawValue), result = \(result), reason = \(reason),
                      finished_at = \(unescaped: Self.databaseNow), owner = NULL, lease_until = NULL
                    WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING 1
                    """, logger: self.logger
                ).collect()
            case .retry(let after, let reason):
                rows = try await connection.query(
                    """
                    UPDATE work_item SET state = 'queued', run_after = \(unescaped: Self.databaseNow) + \(after.storeSeconds),
                      reason = \(reason), owner = NULL, lease_until = NULL
                    WHERE id = \(id) AND owner = \(owner) AND state = 'running' RETURNING 1
                    """, logger: self.logger
                ).collect()
            }
            return !rows.isEmpty
        }
    }

    public func workItem(id: String) async throws -> WorkItemRecord? {
        try await withConnection { connection in
            try await connection.query("SELECT \(unescaped: Self.workColumns) FROM work_item WHERE id = \(id)", logger: self.logger)
                .collect().first.map(Self.workItem)
        }
    }

    public func unfinishedWorkCount(kinds: [String]) async throws -> Int {
        guard !kinds.isEmpty else { return 0 }
        return try await withConnection { connection in
            try await connection.query(
                "SELECT count(*)::bigint FROM work_item WHERE kind = ANY(\(kinds)) AND state IN ('queued', 'running')", logger: self.logger
            ).collect().first?.decode(Int.self) ?? 0
        }
    }

    public func pruneFinishedWork(olderThan age: Duration) async throws -> Int {
        try await withConnection { connection in
            try await connection.query(
                """
                DELETE FROM work_item WHERE state IN ('completed', 'failed')
                  AND finished_at < \(unescaped: Self.databaseNow) - \(age.storeSeconds) RETURNING 1
                """, logger: self.logger
            ).collect().count
        }
    }

    static let workColumns = """
        id, kind, payload, state, attempts, run_after, owner, lease_until, progress, result, reason, requested_by, language, \
        namespace, created_at, finished_at
        """

    private static func workItem(_ row: PostgresRow) throws -> WorkItemRecord {
        let columns = row.makeRandomAccess()
        func date(_ name: String) throws -> Date? { try columns[name].decode(Double?.self).map { Date(timeIntervalSince1970: $0) } }
        func text(_ name: String) throws -> String? { try columns[name].decode(String?.self) }
        return WorkItemRecord(
            id: try columns["id"].decode(String.self), kind: try columns["kind"].decode(String.self),
            payload: try columns["payload"].decode(String.self),
            state: WorkItemRecord.State(rawValue: try columns["state"].decode(String.self)) ?? .queued,
            attempts: try columns["attempts"].decode(Int.self), runAfter: try date("run_after") ?? Date(timeIntervalSince1970: 0),
            owner: try text("owner"), leaseUntil: try date("lease_until"), progress: try text("progress"), result: try text("result"),
            reason: try text("reason"), requestedBy: try columns["requested_by"].decode(String.self), language: try text("language"),
            namespace: try text("namespace"), createdAt: try date("created_at") ?? Date(timeIntervalSince1970: 0), finishedAt: try date("finished_at"))
    }
}
