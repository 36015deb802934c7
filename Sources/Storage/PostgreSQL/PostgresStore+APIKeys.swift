import Foundation
import PostgresNIO

extension PostgresStore {
    public func insertAPIKey(_ record: APIKeyRecord) async throws {
        let scopes = record.scopes.joined(separator: " ")
        let created = record.createdAt.timeIntervalSince1970
        let revoked = record.revokedAt?.timeIntervalSince1970
        try await withConnection { connection in
            // The notification is part of the statement, so it is sent exactly when the key is committed.
            try await connection.run("""
                WITH made AS (
                  INSERT INTO api_key (id, name, hash, prefix, scopes, unlimited, created_at, revoked_at)
                  VALUES (\(record.id), \(record.name), \(record.hash), \(record.prefix), \(scopes), \(record.unlimited), \(created), \(revoked))
                  RETURNING 1)
                SELECT pg_notify(\(Self.changeChannel), \(StoreChange.keys.rawValue)) FROM made
                """, logger: self.logger)
        }
    }

    public func apiKey(hash: String) async throws -> APIKeyRecord? {
        try await withConnection { connection in
            try await connection.query("SELECT \(unescaped: Self.apiKeyColumns) FROM api_key WHERE hash = \(hash)", logger: self.logger)
                .collect().first.map(Self.apiKey)
        }
    }

    public func listAPIKeys() async throws -> [APIKeyRecord] {
        try await withConnection { connection in
            try await connection.query("SELECT \(unescaped: Self.apiKeyColumns) FROM api_key ORDER BY created_at, id", logger: self.logger)
                .collect().map(Self.apiKey)
        }
    }

    public func revokeAPIKey(id: String, at date: Date) async throws -> Bool {
        let at = date.timeIntervalSince1970
        return try await withConnection { connection in
            try await connection.query(
                """
                WITH gone AS (UPDATE api_key SET revoked_at = \(at) WHERE id = \(id) AND revoked_at IS NULL RETURNING id)
                SELECT pg_notify(\(Self.changeChannel), \(StoreChange.keys.rawValue)) FROM gone
                """, logger: self.logger
            ).collect().count > 0
        }
    }

    static let apiKeyColumns = "id, name, hash, prefix, scopes, unlimited, created_at, revoked_at"

    private static func apiKey(_ row: PostgresRow) throws -> APIKeyRecord {
        let (id, name, hash, prefix, scopes, unlimited, created, revoked) = try row.decode((String, String, String, String, String, Bool, Double, Double?).self)
        return APIKeyRecord(
            id: id, name: name, hash: hash, prefix: prefix, scopes: scopes.split(separator: " ").map(String.init),
            unlimited: unlimited, createdAt: Date(timeIntervalSince1970: created), revokedAt: revoked.map { Date(timeIntervalSince1970: $0) })
    }
}
