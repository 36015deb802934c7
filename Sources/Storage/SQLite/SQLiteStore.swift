import Foundation
import GRDB

/// The embedded default store: one SQLite database file (`parley.sqlite`) in the data
/// directory, in WAL mode with `synchronous = FULL`, so that an acknowledged write survives a
/// crash of the process or of the machine.
///
/// ```swift
/// let store = try SQLiteStore(directory: "./data")   // creates the directory, migrates
/// try await store.ping()
/// ```
public final class SQLiteStore: ParleyStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let broadcaster = StoreChangeBroadcaster()

    /// Concurrent read connections (GRDB's default).
    static let readerCount = 5
    /// Page cache per connection, in KiB (SQLite's default, made explicit: a 10-minute soak
    /// with 1,024 grew just as fast, so the caches are not what grows).
    static let cacheKiB = 2000

    /// The database file's name in a data directory.
    public static let fileName = "parley.sqlite"

    /// Opens (creating if needed) `<directory>/parley.sqlite` and applies pending migrations.
    public convenience init(directory: String) throws {
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName))
    }

    /// Opens (creating it and its directory if needed) the database file at `path` and applies
    /// pending migrations (unless `migrating` is false, for `parley store check`). A database a
    /// newer Parley migrated is refused with ``StoreError/schemaTooNew(found:known:)``.
    public init(path: String, migrating: Bool = true) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unavailable("cannot create data directory \(directory): \(error.localizedDescription)")
        }
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        // What the store may hold in memory is bounded here: at most `readerCount` readers and
        // one writer, each with a page cache of `cacheKiB`. The caches fill as the file grows
        // (the translation cache adds rows all day), so this is what a long run's memory
        // settles at; `parley-bench soak` measures it.
        configuration.maximumReaderCount = Self.readerCount
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.unavailable("cannot open \(path): \(error)")
        }
        let status = try Self.schemaStatus(of: pool)
        guard !status.isNewer else { throw StoreError.schemaTooNew(found: status.applied, known: status.known) }
        guard migrating else { return }
        do {
            try SQLiteMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError.unavailable("cannot open \(path): \(error)")
        }
    }

    public var location: String { "sqlite:\(path)" }

    public func schemaStatus() async throws -> StoreSchemaStatus {
        try Self.schemaStatus(of: pool)
    }

    /// Counts GRDB's applied migrations, including ones this build does not know (a newer
    /// Parley's), which GRDB's own migrator would silently ignore.
    private static func schemaStatus(of pool: DatabasePool) throws -> StoreSchemaStatus {
        let migrator = SQLiteMigrations.migrator
        do {
            return try pool.read { db in
                guard try db.tableExists("grdb_migrations") else { return StoreSchemaStatus(applied: 0, known: migrator.migrations.count) }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                return StoreSchemaStatus(applied: applied.count, known: migrator.migrations.count)
            }
        } catch {
            throw StoreError.unavailable("cannot read the schema of \(pool.path): \(error)")
        }
    }

    /// Closes the database; every later call fails with ``StoreError/unavailable(_:)``.
    public func close() throws {
        broadcaster.finish()
        try pool.close()
    }

    /// Changes made through this store, in this process (another process writing the same file,
    /// such as the CLI, is not heard; what it changes shows within the key cache's lifetime and
    /// the webhook poll interval).
    public func changes() -> AsyncStream<StoreChange> {
        broadcaster.subscribe()
    }

    public func ping() async throws {
        try await read { db in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations")
        }
    }

    /// Runs `body` in a read transaction, mapping database failures to ``StoreError``.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unavailable("\(error)")
        }
    }

    /// Runs `body` in a write transaction that is committed (and synced) before returning.
    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.conflict(error.message ?? "constraint violated")
        } catch {
            throw StoreError.unavailable("\(error)")
        }
    }
}
