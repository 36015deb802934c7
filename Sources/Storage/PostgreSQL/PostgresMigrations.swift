import PostgresNIO

/// The PostgreSQL schema, as numbered migrations applied in order, each in its own transaction.
///
/// A migration is never edited once released, only followed by a new one. Applying them holds a
/// session advisory lock, so that instances starting together wait for one another and the
/// first one migrates; the others find nothing left to do. A database whose newest applied
/// version is above ``versions`` was migrated by a newer Parley: opening it fails with
/// ``StoreError/schemaTooNew(found:known:)`` rather than writing rows the newer schema may
/// read differently.
///
/// Dates are `double precision` seconds since 1970, as SQLite keeps them, so that a copy
/// between the two stores is exact to the bit.
enum PostgresMigrations {
    /// Statements of each version, in order (index 0 is version 1).
    static let versions: [[PostgresQuery]] = [
        // 1: API keys, the translation cache, catalogs with revisions and versions, the audit log.
        [
            """
            CREATE TABLE api_key (
              id text PRIMARY KEY, name text NOT NULL, hash text NOT NULL UNIQUE, prefix text NOT NULL,
              scopes text NOT NULL, unlimited boolean NOT NULL DEFAULT false,
              created_at double precision NOT NULL, revoked_at double precision)
            """,
            """
            CREATE TABLE translation_cache (
              key text PRIMARY KEY, text text NOT NULL, backend text NOT NULL, created_at double precision NOT NULL)
            """,
            "CREATE INDEX translation_cache_created_at ON translation_cache (created_at)",
            """
            CREATE TABLE catalog_entry (
              namespace text NOT NULL, key text NOT NULL, language text NOT NULL, position integer,
              is_plural boolean NOT NULL DEFAULT false, is_literal boolean NOT NULL DEFAULT false,
              needs_review boolean NOT NULL DEFAULT false, value text, state text NOT NULL,
              revision integer NOT NULL, obsolete boolean NOT NULL DEFAULT false, synced text, findings text,
              updated_at double precision NOT NULL, updated_by text NOT NULL,
              PRIMARY KEY (namespace, key, language))
            """,
            "CREATE INDEX catalog_entry_language ON catalog_entry (language, namespace)",
            """
            CREATE TABLE catalog_revision (
              id bigserial PRIMARY KEY, namespace text NOT NULL, key text NOT NULL, language text NOT NULL,
              revision integer NOT NULL, kind text NOT NULL, author text NOT NULL, at double precision NOT NULL,
              old_value text, new_value text, old_state text, new_state text, note text)
            """,
            "CREATE INDEX catalog_revision_entry ON catalog_revision (namespace, key, language, id)",
            "CREATE INDEX catalog_revision_at ON catalog_revision (at)",
            """
            CREATE TABLE catalog_version (
              namespace text NOT NULL, language text NOT NULL, version integer NOT NULL,
              PRIMARY KEY (namespace, language))
            """,
            """
            CREATE TABLE audit_event (
              id bigserial PRIMARY KEY, at double precision NOT NULL, actor text NOT NULL, action text NOT NULL,
              language text, namespace text, key text, detail text)
            """,
            "CREATE INDEX audit_event_at ON audit_event (at)",
        ],
        // 2: token buckets of the per-key rate limit, shared by every instance.
        [
            """
            CREATE TABLE rate_bucket (
              name text PRIMARY KEY, tokens double precision NOT NULL, updated_at double precision NOT NULL,
              granted integer NOT NULL)
            """,
        ],
        // 3: background work (pre-translation jobs, webhook deliveries), claimed by instances.
        [
            """
            CREATE TABLE work_item (
              id text PRIMARY KEY, kind text NOT NULL, payload text NOT NULL, state text NOT NULL,
              attempts integer NOT NULL DEFAULT 0, run_after double precision NOT NULL, owner text,
              lease_until double precision, progress text, result text, reason text, requested_by text NOT NULL,
              language text, namespace text, created_at double precision NOT NULL, finished_at double precision)
            """,
            "CREATE INDEX work_item_due ON work_item (state, run_after)",
        ],
    ]

    /// The advisory lock key of migrations (any fixed number; this one spells "PRLY").
    static let lockKey: Int64 = 0x5052_4C59

    /// Applies every pending version; throws ``StoreError/schemaTooNew(found:known:)`` when the
    /// database is ahead of this build.
    static func migrate(_ store: PostgresStore) async throws {
        try await store.withConnection { connection in
            try await connection.run("SELECT pg_advisory_lock(\(lockKey))", logger: store.logger)
            do {
                try await apply(on: connection, logger: store.logger)
            } catch {
                try? await connection.run("SELECT pg_advisory_unlock(\(lockKey))", logger: store.logger)
                throw error
            }
            try await connection.run("SELECT pg_advisory_unlock(\(lockKey))", logger: store.logger)
        }
    }

    /// The newest version applied to the database (0 for a new one); `parley_schema` exists.
    static func appliedVersion(on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.query("SELECT coalesce(max(version), 0) FROM parley_schema", logger: logger)
            .collect().first?.decode(Int.self) ?? 0
    }

    private static func apply(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.run(
            "CREATE TABLE IF NOT EXISTS parley_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
            logger: logger
        )
        let applied = try await appliedVersion(on: connection, logger: logger)
        guard applied <= versions.count else { throw StoreError.schemaTooNew(found: applied, known: versions.count) }
        for (index, statements) in versions.enumerated() where index + 1 > applied {
            let version = index + 1
            try await connection.withTransaction(logger: logger) { connection in
                for statement in statements {
                    try await connection.run(statement, logger: logger)
                }
                try await connection.run("INSERT INTO parley_schema (version) VALUES (\(version))", logger: logger)
            }
            logger.notice("store migrated", metadata: ["version": "\(version)"])
        }
    }
}
