import Foundation
import Logging
import PostgresNIO
import Testing
@testable import Storage

/// The stores the contract runs against: SQLite always; PostgreSQL when test.sh started one
/// (`PARLEY_TEST_POSTGRES_URL`) — and under `CI=true` always, so a missing database fails the
/// run instead of leaving half the contract unchecked.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var available: [StoreKind] {
        TestPostgres.adminURL != nil || ProcessInfo.processInfo.environment["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
    }

    /// A new, empty store of this kind (a new file, or a new database on the test server).
    func makeStore() async throws -> any ParleyStore {
        switch self {
        case .sqlite:
            try SQLiteStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-\(UUID().uuidString)").path)
        case .postgres:
            try await PostgresStore.open(try await TestPostgres.newDatabase())
        }
    }

    /// Two handles on one new store, as two instances would hold: two connections pools on one
    /// PostgreSQL database; on SQLite the same store twice (one process owns the file).
    func makeStorePair() async throws -> (any ParleyStore, any ParleyStore) {
        switch self {
        case .sqlite:
            let store = try await makeStore()
            return (store, store)
        case .postgres:
            let url = try await TestPostgres.newDatabase()
            return (try await PostgresStore.open(url, pollInterval: .milliseconds(100)), try await PostgresStore.open(url, pollInterval: .milliseconds(100)))
        }
    }
}

/// The throwaway PostgreSQL server of Tests/Support/postgres.sh.
enum TestPostgres {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "PARLEY_TEST_POSTGRES_URL is not set: run the tests through ./test.sh, which starts PostgreSQL" }
    }

    static var adminURL: String? {
        ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Creates a database of its own for one test and returns its URL.
    static func newDatabase() async throws -> PostgresURL {
        guard let adminURL else { throw Missing() }
        let admin = try PostgresURL(adminURL)
        let name = "parley_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await execute("CREATE DATABASE \(name)", on: admin)
        var url = admin
        url.database = name
        return url
    }

    /// Runs one statement (that cannot take parameters, such as `CREATE DATABASE`) on `url`.
    static func execute(_ sql: String, on url: PostgresURL) async throws {
        let logger = Logger(label: "parley.tests.postgres")
        let client = PostgresClient(configuration: try PostgresStore.configuration(url), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            group.cancelAll()
        }
    }
}
