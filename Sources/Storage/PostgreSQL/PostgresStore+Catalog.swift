import Foundation
import PostgresNIO

extension PostgresStore {
    public func catalogEntries(namespace: String?, language: String?) async throws -> [CatalogEntryRecord] {
        try await withConnection { connection in
            try await connection.query("""
                SELECT \(unescaped: Self.entryColumns) FROM catalog_entry
                WHERE (\(namespace)::text IS NULL OR namespace = \(namespace)) AND (\(language)::text IS NULL OR language = \(language))
                ORDER BY namespace, language, position IS NULL, position, key
                """, logger: self.logger).collect().map(Self.catalogEntry)
        }
    }

    public func catalogEntry(_ id: CatalogEntryID) async throws -> CatalogEntryRecord? {
        try await withConnection { connection in
            try await connection.query("""
                SELECT \(unescaped: Self.entryColumns) FROM catalog_entry
                WHERE namespace = \(id.namespace) AND key = \(id.key) AND language = \(id.language)
                """, logger: self.logger).collect().first.map(Self.catalogEntry)
        }
    }

    public func catalogHistory(_ id: CatalogEntryID) async throws -> [CatalogRevisionRecord] {
        try await withConnection { connection in
            try await connection.query("""
                SELECT \(unescaped: Self.revisionColumns) FROM catalog_revision
                WHERE namespace = \(id.namespace) AND key = \(id.key) AND language = \(id.language) ORDER BY id
                """, logger: self.logger).collect().map(Self.catalogRevision)
        }
    }

    public func catalogVersions(namespace: String) async throws -> [String: Int] {
        try await withConnection { connection in
            var versions: [String: Int] = [:]
            for row in try await connection.query("SELECT language, version FROM catalog_version WHERE namespace = \(namespace)", logger: self.logger).collect() {
                let (language, version) = try row.decode((String, Int).self)
                versions[language] = version
            }
            return versions
        }
    }

    public func catalogIsEmpty() async throws -> Bool {
        try await withConnection { connection in
            try await connection.query("SELECT NOT EXISTS (SELECT 1 FROM catalog_entry)", logger: self.logger).collect().first?.decode(Bool.self) ?? true
        }
    }

    /// One transaction of four statements whatever the batch's size: the rows travel as JSON
    /// and `jsonb_to_recordset` turns them into a table (a first import writes thousands of
    /// entries; one round trip per row would be most of its time). Catalog writers take one
    /// transaction-scoped advisory lock first, so that the revision check and the writes are
    /// one step for every instance, as SQLite's single writer makes them for one.
    public func raiseCatalogVersions(_ versions: [CatalogVersionKey: Int]) async throws {
        guard !versions.isEmpty else { return }
        let sorted = versions.sorted { $0.key < $1.key }
        let namespaces = sorted.map(\.key.namespace), languages = sorted.map(\.key.language), numbers = sorted.map(\.value)
        try await withTransaction { connection in
            try await connection.run("SELECT pg_notify(\(Self.changeChannel), \(StoreChange.catalog.rawValue))", logger: self.logger)
            try await connection.run(
                """
                INSERT INTO catalog_version (namespace, language, version)
                SELECT * FROM unnest(\(namespaces)::text[], \(languages)::text[], \(numbers)::integer[])
                ON CONFLICT (namespace, language) DO UPDATE SET version = greatest(catalog_version.version, excluded.version)
                """, logger: self.logger
            )
        }
    }

    public func applyCatalogMutations(_ mutations: [CatalogMutation]) async throws {
        guard !mutations.isEmpty else { return }
        let entries = try Self.json(mutations.enumerated().map { EntryRow($1.entry, index: $0, expected: $1.expectedRevision) })
        let history = try Self.json(mutations.flatMap(\.history).enumerated().map { RevisionRow($1, ordinal: $0) })
        var touched: [[String]] = []
        var seen: Set<[String]> = []
        for mutation in mutations where mutation.touchesDocument {
            let pair = [mutation.entry.namespace, mutation.entry.language]
            if seen.insert(pair).inserted { touched.append(pair) }
        }
        touched.sort { $0.lexicographicallyPrecedes($1) }
        let namespaces = touched.map { $0[0] }, languages = touched.map { $0[1] }
        try await withTransaction { connection in
            try await connection.run("SELECT pg_advisory_xact_lock(\(Self.catalogLockKey))", logger: self.logger)
            // The first entry whose stored revision is not the expected one, if any.
            let conflicts = try await connection.query("""
                SELECT x.index, x.namespace, x.key, x.language, x.expected, e.revision
                FROM jsonb_to_recordset(\(entries)::jsonb) AS x(index int, namespace text, key text, language text, expected int)
                LEFT JOIN catalog_entry e ON e.namespace = x.namespace AND e.key = x.key AND e.language = x.language
                WHERE x.expected IS DISTINCT FROM e.revision
                ORDER BY x.index LIMIT 1
                """, logger: self.logger).collect()
            if let row = conflicts.first {
                let (_, namespace, key, language, expected, actual) = try row.decode((Int, String, String, String, Int?, Int?).self)
                throw CatalogConflictError(
                    entry: CatalogEntryID(namespace: namespace, key: key, language: language), expectedRevision: expected, actualRevision: actual)
            }
            try await connection.run("""
                INSERT INTO catalog_entry (\(unescaped: Self.entryColumns))
                SELECT \(unescaped: Self.entryColumns)
                FROM jsonb_to_recordset(\(entries)::jsonb) AS x(
                  namespace text, key text, language text, position int, is_plural boolean, is_literal boolean, needs_review boolean,
                  value text, state text, revision int, obsolete boolean, synced text, findings text, updated_at float8, updated_by text)
                ON CONFLICT (namespace, key, language) DO UPDATE SET
                  position = excluded.position, is_plural = excluded.is_plural, is_literal = excluded.is_literal,
                  needs_review = excluded.needs_review, value = excluded.value, state = excluded.state,
                  revision = excluded.revision, obsolete = excluded.obsolete, synced = excluded.synced,
                  findings = excluded.findings, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, logger: self.logger)
            try await connection.run("""
                INSERT INTO catalog_revision (namespace, key, language, revision, kind, author, at, old_value, new_value, old_state, new_state, note)
                SELECT namespace, key, language, revision, kind, author, at, old_value, new_value, old_state, new_state, note
                FROM jsonb_to_recordset(\(history)::jsonb) AS x(
                  ordinal int, namespace text, key text, language text, revision int, kind text, author text, at float8,
                  old_value text, new_value text, old_state text, new_state text, note text)
                ORDER BY ordinal
                """, logger: self.logger)
            if !namespaces.isEmpty {
                // Delivered at commit, to every instance: their served documents are stale.
                try await connection.run("SELECT pg_notify(\(Self.changeChannel), \(StoreChange.catalog.rawValue))", logger: self.logger)
                try await connection.run("""
                    INSERT INTO catalog_version (namespace, language, version)
                    SELECT namespace, language, 1 FROM unnest(\(namespaces)::text[], \(languages)::text[]) AS x(namespace, language)
                    ON CONFLICT (namespace, language) DO UPDATE SET version = catalog_version.version + 1
                    """, logger: self.logger)
            }
        }
    }

    /// The advisory lock every catalog write holds for its transaction ("PRLC").
    static let catalogLockKey: Int64 = 0x5052_4C43

    static let entryColumns = """
        namespace, key, language, position, is_plural, is_literal, needs_review, value, state, revision, obsolete, synced, findings, updated_at, updated_by
        """
    static let revisionColumns = "namespace, key, language, revision, kind, author, at, old_value, new_value, old_state, new_state, note"

    private static func json(_ rows: some Encodable) throws -> String {
        do {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return String(decoding: try encoder.encode(rows), as: UTF8.self)
        } catch {
            throw StoreError.unavailable("cannot encode catalog rows: \(error)")
        }
    }

    private static func catalogEntry(_ row: PostgresRow) throws -> CatalogEntryRecord {
        let r = row.makeRandomAccess()
        let state = try r["state"].decode(String.self)
        return CatalogEntryRecord(
            namespace: try r["namespace"].decode(String.self), key: try r["key"].decode(String.self),
            language: try r["language"].decode(String.self), position: try r["position"].decode(Int?.self),
            isPlural: try r["is_plural"].decode(Bool.self), value: try r["value"].decode(String?.self),
            state: CatalogEntryState(rawValue: state) ?? .untranslated, revision: try r["revision"].decode(Int.self),
            obsolete: try r["obsolete"].decode(Bool.self), synced: try r["synced"].decode(String?.self),
            findings: try r["findings"].decode(String?.self),
            updatedAt: Date(timeIntervalSince1970: try r["updated_at"].decode(Double.self)),
            updatedBy: try r["updated_by"].decode(String.self), isLiteral: try r["is_literal"].decode(Bool.self),
            needsReview: try r["needs_review"].decode(Bool.self))
    }

    static func catalogRevision(_ row: PostgresRow) throws -> CatalogRevisionRecord {
        let r = row.makeRandomAccess()
        let kind = try r["kind"].decode(String.self)
        return CatalogRevisionRecord(
            namespace: try r["namespace"].decode(String.self), key: try r["key"].decode(String.self),
            language: try r["language"].decode(String.self), revision: try r["revision"].decode(Int.self),
            kind: CatalogRevisionKind(rawValue: kind) ?? .edit, author: try r["author"].decode(String.self),
            at: Date(timeIntervalSince1970: try r["at"].decode(Double.self)),
            oldValue: try r["old_value"].decode(String?.self), newValue: try r["new_value"].decode(String?.self),
            oldState: try r["old_state"].decode(String?.self).flatMap(CatalogEntryState.init(rawValue:)),
            newState: try r["new_state"].decode(String?.self).flatMap(CatalogEntryState.init(rawValue:)),
            note: try r["note"].decode(String?.self))
    }
}

/// A catalog entry as the JSON that `jsonb_to_recordset` reads: keys are the column names
/// (the encoder converts to snake case); a `nil` is left out, which reads as NULL.
private struct EntryRow: Encodable {
    var index: Int, expected: Int?
    var namespace: String, key: String, language: String, position: Int?
    var isPlural: Bool, isLiteral: Bool, needsReview: Bool
    var value: String?, state: String, revision: Int, obsolete: Bool, synced: String?, findings: String?
    var updatedAt: Double, updatedBy: String

    init(_ e: CatalogEntryRecord, index: Int, expected: Int?) {
        self.index = index
        self.expected = expected
        namespace = e.namespace; key = e.key; language = e.language; position = e.position
        isPlural = e.isPlural; isLiteral = e.isLiteral; needsReview = e.needsReview
        value = e.value; state = e.state.rawValue; revision = e.revision; obsolete = e.obsolete
        synced = e.synced; findings = e.findings; updatedAt = e.updatedAt.timeIntervalSince1970; updatedBy = e.updatedBy
    }
}

/// A revision as the JSON that `jsonb_to_recordset` reads; `ordinal` keeps the ids in the
/// order the revisions were given.
private struct RevisionRow: Encodable {
    var ordinal: Int
    var namespace: String, key: String, language: String, revision: Int, kind: String, author: String, at: Double
    var oldValue: String?, newValue: String?, oldState: String?, newState: String?, note: String?

    init(_ h: CatalogRevisionRecord, ordinal: Int) {
        self.ordinal = ordinal
        namespace = h.namespace; key = h.key; language = h.language; revision = h.revision; kind = h.kind.rawValue
        author = h.author; at = h.at.timeIntervalSince1970; oldValue = h.oldValue; newValue = h.newValue
        oldState = h.oldState?.rawValue; newState = h.newState?.rawValue; note = h.note
    }
}
