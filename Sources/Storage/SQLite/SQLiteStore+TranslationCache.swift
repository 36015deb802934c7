import Foundation
import GRDB

extension SQLiteStore {
    public func cachedTranslation(key: String, notBefore: Date) async throws -> CachedTranslation? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM translation_cache WHERE key = ? AND createdAt >= ?",
                arguments: [key, notBefore.timeIntervalSince1970]
            ).map { row in
                CachedTranslation(key: row["key"], text: row["text"], backend: row["backend"], createdAt: Date(timeIntervalSince1970: row["createdAt"]))
            }
        }
    }

    public func translations(after key: String?, limit: Int) async throws -> [CachedTranslation] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM translation_cache WHERE key > ? ORDER BY key LIMIT ?", arguments: [key ?? "", max(0, limit)]
            ).map { row in
                CachedTranslation(key: row["key"], text: row["text"], backend: row["backend"], createdAt: Date(timeIntervalSince1970: row["createdAt"]))
            }
        }
    }

    public func saveTranslations(_ entries: [CachedTranslation]) async throws {
        guard !entries.isEmpty else { return }
        try await write { db in
            let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO translation_cache (key, text, backend, createdAt) VALUES (?, ?, ?, ?)")
            for entry in entries {
                try statement.execute(arguments: [entry.key, entry.text, entry.backend, entry.createdAt.timeIntervalSince1970])
            }
        }
    }

    public func purgeTranslations(olderThan date: Date?) async throws -> Int {
        defer { broadcaster.yield(.cache) }
        return try await write { db in
            if let date {
                try db.execute(sql: "DELETE FROM translation_cache WHERE createdAt < ?", arguments: [date.timeIntervalSince1970])
            } else {
                try db.execute(sql: "DELETE FROM translation_cache")
            }
            return db.changesCount
        }
    }

    public func translationCacheStatistics() async throws -> TranslationCacheStatistics {
        try await read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*) AS n, coalesce(sum(length(CAST(text AS BLOB)) + length(key)), 0) AS bytes, min(createdAt) AS oldest, max(createdAt) AS newest FROM translation_cache")
            let oldest: Double? = row?["oldest"]
            let newest: Double? = row?["newest"]
            return TranslationCacheStatistics(
                entries: row?["n"] ?? 0, bytes: row?["bytes"] ?? 0,
                oldest: oldest.map { Date(timeIntervalSince1970: $0) }, newest: newest.map { Date(timeIntervalSince1970: $0) })
        }
    }
}
