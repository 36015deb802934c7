import Foundation
import PostgresNIO

extension PostgresStore {
    public func cachedTranslation(key: String, notBefore: Date) async throws -> CachedTranslation? {
        let since = notBefore.timeIntervalSince1970
        return try await withConnection { connection in
            try await connection.query(
                "SELECT key, text, backend, created_at FROM translation_cache WHERE key = \(key) AND created_at >= \(since)", logger: self.logger
            ).collect().first.map { row in
                let (key, text, backend, created) = try row.decode((String, String, String, Double).self)
                return CachedTranslation(key: key, text: text, backend: backend, createdAt: Date(timeIntervalSince1970: created))
            }
        }
    }

    public func translations(after key: String?, limit: Int) async throws -> [CachedTranslation] {
        let after = key ?? "", limit = max(0, limit)
        return try await withConnection { connection in
            // Keys are hex digests, which sort alike in every collation; the primary key serves the order.
            try await connection.query(
                """
                SELECT key, text, backend, created_at FROM translation_cache
                WHERE key > \(after) ORDER BY key LIMIT \(limit)
                """, logger: self.logger
            ).collect().map { row in
                let (key, text, backend, created) = try row.decode((String, String, String, Double).self)
                return CachedTranslation(key: key, text: text, backend: backend, createdAt: Date(timeIntervalSince1970: created))
            }
        }
    }

    /// One statement for the whole batch: the entries travel as four arrays and `unnest` turns
    /// them back into rows. A key given twice keeps its last entry, as a replacing loop would
    /// (PostgreSQL refuses to update one row twice in one `INSERT … ON CONFLICT`).
    public func saveTranslations(_ entries: [CachedTranslation]) async throws {
        guard !entries.isEmpty else { return }
        var last: [String: Int] = [:]
        for (index, entry) in entries.enumerated() { last[entry.key] = index }
        let kept = entries.indices.filter { last[entries[$0].key] == $0 }.map { entries[$0] }
        let keys = kept.map(\.key), texts = kept.map(\.text), backends = kept.map(\.backend)
        let created = kept.map { $0.createdAt.timeIntervalSince1970 }
        try await withConnection { connection in
            try await connection.run("""
                INSERT INTO translation_cache (key, text, backend, created_at)
                SELECT * FROM unnest(\(keys)::text[], \(texts)::text[], \(backends)::text[], \(created)::float8[])
                ON CONFLICT (key) DO UPDATE SET text = excluded.text, backend = excluded.backend, created_at = excluded.created_at
                """, logger: self.logger)
        }
    }

    public func purgeTranslations(olderThan date: Date?) async throws -> Int {
        let cutoff = date?.timeIntervalSince1970 ?? .infinity
        return try await withConnection { connection in
            try await connection.query(
                """
                WITH gone AS (DELETE FROM translation_cache WHERE created_at < \(cutoff) RETURNING 1)
                SELECT (SELECT count(*) FROM gone) FROM pg_notify(\(Self.changeChannel), \(StoreChange.cache.rawValue))
                """, logger: self.logger
            ).collect().first?.decode(Int.self) ?? 0
        }
    }

    public func translationCacheStatistics() async throws -> TranslationCacheStatistics {
        try await withConnection { connection in
            let row = try await connection.query("""
                SELECT count(*), coalesce(sum(octet_length(text) + octet_length(key)), 0)::bigint, min(created_at), max(created_at)
                FROM translation_cache
                """, logger: self.logger).collect().first
            guard let (entries, bytes, oldest, newest) = try row?.decode((Int, Int, Double?, Double?).self) else {
                return TranslationCacheStatistics(entries: 0, bytes: 0, oldest: nil, newest: nil)
            }
            return TranslationCacheStatistics(
                entries: entries, bytes: bytes,
                oldest: oldest.map { Date(timeIntervalSince1970: $0) }, newest: newest.map { Date(timeIntervalSince1970: $0) })
        }
    }
}
