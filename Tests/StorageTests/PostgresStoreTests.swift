import Foundation
import PostgresNIO
import Testing
@testable import Storage

/// What only the PostgreSQL store has: its URL, migrations shared by instances, and failure
/// when the database is not there.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    static var enabled: Bool { StoreKind.available.contains(.postgres) }

    @Test func urlsParse() throws {
        let full = try PostgresURL("postgres://parley:s%40cret@db.example:6543/chat?sslmode=require&pool_size=5&statement_timeout=2500&connect_timeout=3")
        #expect(full.host == "db.example" && full.port == 6543 && full.user == "parley" && full.password == "s@cret" && full.database == "chat")
        #expect(full.tls == .require && full.poolSize == 5 && full.statementTimeoutMilliseconds == 2500 && full.connectTimeoutSeconds == 3)
        #expect(full.description == "postgres://parley:***@db.example:6543/chat")
        let plain = try PostgresURL("postgresql://alice@localhost")
        #expect(plain.port == 5432 && plain.database == "alice" && plain.password == nil && plain.tls == .prefer)
        let socket = try PostgresURL("postgres://parley@/parley?host=/run/postgresql&sslmode=disable")
        #expect(socket.socketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(socket.description == "postgres://parley@:5432/parley?host=/run/postgresql")
        #expect(try PostgresURL("postgres://u@h/d?sslmode=verify-ca").tls == .verifyFull)
        #expect(try PostgresURL("postgres://u@[::1]:5433/d").host == "::1")
    }

    @Test(arguments: [
        ("postgres://u:pw@h/d?sslmode=requir", "sslmode 'requir'"),
        ("postgres://u:pw@h/d?ssl=true", "unknown parameter 'ssl'"),
        ("postgres://u:pw@h/d?pool_size=0", "pool_size must be"),
        ("postgres://u:pw@h/d?host=relative", "socket directory"),
        ("postgres://u:pw@h/d/e", "contains '/'"),
        ("postgres://u:pw@h:99999/d", "out of range"),
    ])
    func badURLsSayWhyWithoutThePassword(_ text: String, _ reason: String) {
        #expect {
            _ = try StoreURL(text, dataDirectory: "./data")
        } throws: { error in
            let message = "\(error)"
            return message.contains(reason) && !message.contains("pw") && message.hasPrefix("store.url:")
        }
    }

    @Test func storeURLs() throws {
        #expect(try StoreURL(nil, dataDirectory: "/srv/parley") == .sqlite(path: "/srv/parley/parley.sqlite"))
        #expect(try StoreURL("  ", dataDirectory: "d") == .sqlite(path: "d/parley.sqlite"))
        #expect(try StoreURL("sqlite:/tmp/x.sqlite", dataDirectory: "d") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try StoreURL("sqlite:///tmp/x.sqlite", dataDirectory: "d") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(throws: StoreError.self) { try StoreURL("sqlite:", dataDirectory: "d") }
        #expect {
            _ = try StoreURL("mysql://root:hunter2@db/x", dataDirectory: "d")
        } throws: { error in
            "\(error)".contains("mysql://root:***@db/x") && !"\(error)".contains("hunter2")
        }
    }

    @Test(.enabled(if: enabled)) func instancesStartingTogetherMigrateOnce() async throws {
        let url = try await TestPostgres.newDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresStore.open(url) } }
            return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
        }
        let versions = try await stores[0].withConnection { connection in
            try await connection.query("SELECT version FROM parley_schema ORDER BY version", logger: stores[0].logger).collect().map { try $0.decode(Int.self) }
        }
        #expect(versions == Array(1...PostgresMigrations.versions.count))
        for store in stores { try await store.close() }
    }

    @Test(.enabled(if: enabled)) func aNewerSchemaIsRefused() async throws {
        let url = try await TestPostgres.newDatabase()
        let store = try await PostgresStore.open(url)
        let future = PostgresMigrations.versions.count + 1
        try await store.withConnection { connection in
            try await connection.run("INSERT INTO parley_schema (version) VALUES (\(future))", logger: store.logger)
        }
        try await store.close()
        await #expect {
            _ = try await PostgresStore.open(url)
        } throws: { error in
            guard case StoreError.schemaTooNew(let found, let known) = error else { return false }
            return found == future && known == PostgresMigrations.versions.count && "\(error)".contains("newer than this Parley knows")
        }
    }

    /// Tests/Support/postgres.sh gives the test server a self-signed certificate, so these are
    /// real handshakes: `require` encrypts (the server's own view says so), `disable` does not,
    /// and `verify-full` refuses a certificate nobody vouches for instead of connecting anyway.
    @Test(.enabled(if: enabled)) func sslmodeIsHonouredAgainstARealTLSServer() async throws {
        var url = try await TestPostgres.newDatabase()
        for (mode, encrypted) in [(PostgresURL.TLSMode.require, true), (.disable, false)] {
            url.tls = mode
            let store = try await PostgresStore.open(url)
            let ssl = try await store.withConnection { connection in
                try await connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: store.logger)
                    .collect().first?.decode(Bool.self)
            }
            try await store.close()
            #expect(ssl == encrypted, "sslmode \(mode): pg_stat_ssl.ssl is \(String(describing: ssl))")
        }
        url.tls = .verifyFull
        url.connectTimeoutSeconds = 3
        await #expect(throws: StoreError.self) { _ = try await PostgresStore.open(url) }
    }

    @Test func anUnreachableDatabaseIsUnavailableWithinTheConnectTimeout() async throws {
        let started = ContinuousClock.now
        await #expect {
            _ = try await PostgresStore.open(try PostgresURL("postgres://parley:pw@127.0.0.1:1/parley?connect_timeout=1&sslmode=disable"))
        } throws: { error in
            guard case StoreError.unavailable = error else { return false }
            return !"\(error)".contains("pw")
        }
        #expect(started.duration(to: .now) < .seconds(10))
    }
}
