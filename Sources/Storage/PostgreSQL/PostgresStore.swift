import Foundation
import Logging
import NIOSSL
import PostgresNIO
import Synchronization

/// The shared store: one PostgreSQL database that several Parley instances use as one.
///
/// Connections are pooled (`pool_size` in the URL, default 20 per instance); every statement
/// runs under `statement_timeout`; TLS follows `sslmode`. Opening the store applies pending
/// migrations under an advisory lock, so instances starting together migrate once, and refuses
/// a schema newer than this build knows (``PostgresMigrations``).
///
/// ```swift
/// let store = try await PostgresStore.open(PostgresURL("postgres://parley@db/parley"), logger: logger)
/// try await store.ping()
/// try await store.close()
/// ```
///
/// Every write is one transaction, committed before the call returns. Failures reach callers as
/// ``StoreError``: `unavailable` when the database cannot be reached or refuses, `conflict` for
/// a uniqueness violation.
public final class PostgresStore: ParleyStore, Sendable {
    /// Where the database is (without its password).
    public let url: PostgresURL
    let client: PostgresClient
    let logger: Logger
    /// How often subscribers to ``changes()`` get a resync while notifications are down.
    let pollInterval: Duration
    let broadcaster = StoreChangeBroadcaster()
    let listener = Mutex<Task<Void, Never>?>(nil)
    let listening = Atomic<Bool>(false)
    let outage = PostgresOutage()
    private let prober = Mutex<Task<Void, Never>?>(nil)
    private let running: Task<Void, Never>

    private init(url: PostgresURL, client: PostgresClient, pollInterval: Duration, logger: Logger) {
        self.url = url
        self.client = client
        self.pollInterval = pollInterval
        self.logger = logger
        running = Task { await client.run() }
    }

    /// Connects, migrates (unless `migrating` is false, for `parley store check`) and returns the
    /// store; throws ``StoreError`` when the database cannot be reached within the connect
    /// timeout or its schema is newer than this build.
    public static func open(
        _ url: PostgresURL, migrating: Bool = true, pollInterval: Duration = .seconds(1), logger: Logger = Logger(label: "parley.store")
    ) async throws -> PostgresStore {
        let store = PostgresStore(
            url: url, client: PostgresClient(configuration: try configuration(url), backgroundLogger: logger), pollInterval: pollInterval,
            logger: logger)
        do {
            // A database that is not there fails here, within the connect timeout.
            try await store.ping()
            if migrating {
                try await PostgresMigrations.migrate(store)
            } else if try await store.schemaStatus().isNewer {
                let status = try await store.schemaStatus()
                throw StoreError.schemaTooNew(found: status.applied, known: status.known)
            }
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    static func configuration(_ url: PostgresURL) throws(StoreError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socket = url.socketPath {
            configuration = .init(unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch url.tls {
            case .disable:
                tls = .disable
            case .prefer, .require:
                // libpq's prefer and require encrypt without checking who is at the other end.
                var unchecked = TLSConfiguration.makeClientConfiguration()
                unchecked.certificateVerification = .none
                tls = url.tls == .prefer ? .prefer(unchecked) : .require(unchecked)
            case .verifyFull:
                tls = .require(TLSConfiguration.makeClientConfiguration())
            }
            configuration = .init(host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(url.connectTimeoutSeconds)
        configuration.options.maximumConnections = url.poolSize
        configuration.options.additionalStartupParameters = [
            ("application_name", url.applicationName),
            ("statement_timeout", String(url.statementTimeoutMilliseconds)),
            // Dates are stored as seconds since 1970 (double precision) and compared as such;
            // UTC only matters to people reading the tables with psql.
            ("TimeZone", "UTC"),
        ]
        return configuration
    }

    public var location: String { url.description }

    public func schemaStatus() async throws -> StoreSchemaStatus {
        try await withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('parley_schema') IS NOT NULL", logger: self.logger)
                .collect().first?.decode(Bool.self) ?? false
            let applied = exists ? try await PostgresMigrations.appliedVersion(on: connection, logger: self.logger) : 0
            return StoreSchemaStatus(applied: applied, known: PostgresMigrations.versions.count)
        }
    }

    /// Stops the pool; later calls fail with ``StoreError/unavailable(_:)``.
    public func close() async throws {
        prober.withLock { $0?.cancel() }
        if let task = listener.withLock({ $0 }) {
            task.cancel()
            await task.value
        }
        broadcaster.finish()
        running.cancel()
        await running.value
    }

    /// Proves a connection can be had and used within the connect timeout (for `/readyz`).
    public func ping() async throws {
        try await withConnection(within: .seconds(url.connectTimeoutSeconds)) { connection in
            try await connection.run("SELECT 1", logger: self.logger)
        }
    }

    /// How long a call may take in all: a connection (the connect timeout) and one statement
    /// (the statement timeout, which the server enforces itself).
    var callDeadline: Duration { .seconds(url.connectTimeoutSeconds) + .milliseconds(url.statementTimeoutMilliseconds) }

    /// Runs `body` on a pooled connection, mapping database failures to ``StoreError``.
    ///
    /// The pool waits for a connection as long as it takes (it retries a database that is down
    /// with back-off), so the call carries its own deadline: past it, the wait is cancelled
    /// and the caller gets ``StoreError/unavailable(_:)`` instead of hanging with its request.
    func withConnection<T: Sendable>(within deadline: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await bounded(by: deadline ?? callDeadline) { [client] in
            try await client.withConnection { connection in try await body(connection) }
        }
    }

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`, rolled back when it throws).
    func withTransaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await bounded(by: callDeadline) { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    func bounded<T: Sendable>(
        by deadline: Duration, probing: Bool = false, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let location = location
        if !probing { try outage.check(location: location) }
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await body() }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    throw StoreError.unavailable("\(location) did not answer within \(deadline)")
                }
                defer { group.cancelAll() }
                guard let result = try await group.next() else { throw CancellationError() }
                return result
            }
        } catch {
            let mapped = Self.storeError(error)
            if !probing, PostgresOutage.isUnreachable(error), outage.began("\(mapped)") { startProbing() }
            throw mapped
        }
    }

    /// Pings every second, bypassing the outage check, until the database answers.
    private func startProbing() {
        logger.error("store unreachable; failing fast and retrying every second", metadata: ["store": "\(location)"])
        prober.withLock { task in
            task?.cancel()
            task = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    guard !Task.isCancelled else { return }
                    do {
                        try await self.bounded(by: .seconds(self.url.connectTimeoutSeconds), probing: true) { [client, logger] in
                            try await client.withConnection { connection in try await connection.run("SELECT 1", logger: logger) }
                        }
                        if let lasted = self.outage.ended() {
                            self.logger.notice("store reachable again", metadata: ["store": "\(self.location)", "outage": "\(lasted)"])
                        }
                        return
                    } catch {
                        continue
                    }
                }
            }
        }
    }

    /// The ``StoreError`` a PostgreSQL failure means, with the server's message and SQLSTATE
    /// (never the query's bound values, which may hold API key hashes or catalog text).
    static func storeError(_ error: any Error) -> any Error {
        if error is StoreError || error is CatalogConflictError || error is CancellationError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return storeError(inner)
            }
            return StoreError.unavailable("transaction failed")
        }
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState]
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            if state == "23505" { return StoreError.conflict(message) }
            if error.code == .poolClosed { return StoreError.unavailable("the store is closed") }
            return StoreError.unavailable(state.map { "\(message) (SQLSTATE \($0))" } ?? message)
        }
        return StoreError.unavailable("\(error)")
    }
}

extension PostgresConnection {
    /// Runs a statement whose rows (if any) are not wanted, waiting for it to finish.
    func run(_ query: PostgresQuery, logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}
