import Foundation
import GRDB

extension SQLiteStore {
    public func insertAPIKey(_ record: APIKeyRecord) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO api_key (id, name, hash, prefix, scopes, unlimited, createdAt, revokedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    record.id, record.name, record.hash, record.prefix, record.scopes.joined(separator: " "),
                    record.unlimited, record.createdAt.timeIntervalSince1970, record.revokedAt?.timeIntervalSince1970,
                ])
        }
        broadcaster.yield(.keys)
    }

    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_key WHERE hash = ?", arguments: [hash]).map(Self.record)
        }
    }

    public func listAPIKeys() async throws -> [APIKeyRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_key ORDER BY createdAt, id").map(Self.record)
        }
    }

    public func revokeAPIKey(id: String, at date: Date) async throws -> Bool {
        let revoked = try await write { db in
            try db.execute(
                sql: "UPDATE api_key SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL",
                arguments: [date.timeIntervalSince1970, id])
            return db.changesCount > 0
        }
        if revoked { broadcaster.yield(.keys) }
        return revoked
    }

    private static func record(_ row: Row) -> APIKeyRecord {
        let scopes: String = row["scopes"]
        let revoked: Double? = row["revokedAt"]
        return APIKeyRecord(
            id: row["id"], name: row["name"], hash: row["hash"], prefix: row["prefix"],
            scopes: scopes.split(separator: " ").map(String.init), unlimited: row["unlimited"],
            createdAt: Date(timeIntervalSince1970: row["createdAt"]),
            revokedAt: revoked.map { Date(timeIntervalSince1970: $0) })
    }
}
