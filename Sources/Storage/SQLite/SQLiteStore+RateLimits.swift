import Foundation
import GRDB

extension SQLiteStore {
    static func registerRateLimitMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-rate-buckets") { db in
            try db.create(table: "rate_bucket") { table in
                table.column("name", .text).primaryKey()
                table.column("tokens", .double).notNull()
                table.column("updatedAt", .double).notNull()
                // What the last take granted: the upsert records it so that one statement
                // both refills and takes, and the read after it (same transaction) returns it.
                table.column("granted", .integer).notNull()
            }
        }
    }

    public func takeRateTokens(_ name: String, count: Int, rate: Double, burst: Double) async throws -> RateTokenGrant {
        let count = max(0, count)
        let now = Date().timeIntervalSince1970
        return try await write { db in
            // refilled = min(burst, tokens + elapsed × rate); CAST truncates, which is floor for
            // the non-negative amounts here.
            let refilled = "min(?, rate_bucket.tokens + max(0, excluded.updatedAt - rate_bucket.updatedAt) * ?)"
            try db.execute(
                sql: """
                    INSERT INTO rate_bucket (name, tokens, updatedAt, granted)
                    VALUES (?, ? - min(?, CAST(? AS INTEGER)), ?, min(?, CAST(? AS INTEGER)))
                    ON CONFLICT (name) DO UPDATE SET
                      granted = min(?, CAST(\(refilled) AS INTEGER)),
                      tokens = \(refilled) - min(?, CAST(\(refilled) AS INTEGER)),
                      updatedAt = excluded.updatedAt
                    """,
                arguments: [name, burst, count, burst, now, count, burst, count, burst, rate, burst, rate, count, burst, rate])
            guard let row = try Row.fetchOne(db, sql: "SELECT granted, tokens FROM rate_bucket WHERE name = ?", arguments: [name]) else {
                throw StoreError.unavailable("rate bucket \(name) vanished")
            }
            return RateTokenGrant(granted: row["granted"], remaining: row["tokens"])
        }
    }
}
