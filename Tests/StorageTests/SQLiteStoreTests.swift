import Foundation
import Testing
@testable import Storage

@Suite("SQLite store")
struct SQLiteStoreTests {
    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-\(UUID().uuidString)").path
    }

    func record(_ id: String, hash: String) -> APIKeyRecord {
        APIKeyRecord(id: id, name: "test", hash: hash, prefix: "pk_abcde", scopes: ["translate", "catalog:write:ar"], unlimited: false, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func createsDatabaseInWALModeAndMigrates() async throws {
        let directory = temporaryDirectory()
        let store = try SQLiteStore(directory: directory)
        try await store.ping()
        let mode = try await store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let synchronous = try await store.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2)  // FULL
        #expect(FileManager.default.fileExists(atPath: directory + "/parley.sqlite"))
    }

    /// GRDB's migrator ignores migrations it does not know; the store must not, or an older
    /// Parley would run against a schema a newer one changed under it.
    @Test func aSchemaFromANewerParleyIsRefused() async throws {
        let directory = temporaryDirectory()
        let store = try SQLiteStore(directory: directory)
        try await store.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try store.close()
        #expect(throws: StoreError.self) { try SQLiteStore(directory: directory) }
        do {
            _ = try SQLiteStore(path: directory + "/parley.sqlite", migrating: false)
            Issue.record("opened a newer schema")
        } catch StoreError.schemaTooNew(let found, let known) {
            #expect(found == known + 1)
        }
    }

    @Test func apiKeysSurviveReopening() async throws {
        let directory = temporaryDirectory()
        do {
            let store = try SQLiteStore(directory: directory)
            try await store.insertAPIKey(record("key_1", hash: "aa"))
            try await store.insertAPIKey(record("key_2", hash: "bb"))
            #expect(try await store.revokeAPIKey(id: "key_2", at: Date(timeIntervalSince1970: 1_700_000_100)))
            #expect(try await !store.revokeAPIKey(id: "key_2", at: Date()))
            #expect(try await !store.revokeAPIKey(id: "key_missing", at: Date()))
            try store.close()
        }
        let reopened = try SQLiteStore(directory: directory)
        let keys = try await reopened.listAPIKeys()
        #expect(keys.map(\.id) == ["key_1", "key_2"])
        #expect(keys[0].scopes == ["translate", "catalog:write:ar"])
        #expect(keys[1].revokedAt == Date(timeIntervalSince1970: 1_700_000_100))
        #expect(try await reopened.apiKey(hash: "aa")?.id == "key_1")
        #expect(try await reopened.apiKey(hash: "zz") == nil)
    }

    @Test func duplicateHashIsAConflict() async throws {
        let store = try SQLiteStore(directory: temporaryDirectory())
        try await store.insertAPIKey(record("key_1", hash: "aa"))
        await #expect(throws: StoreError.self) { try await store.insertAPIKey(record("key_2", hash: "aa")) }
    }

    @Test func closedStoreIsUnavailable() async throws {
        let store = try SQLiteStore(directory: temporaryDirectory())
        try store.close()
        await #expect(throws: StoreError.self) { try await store.ping() }
    }

    @Test func unusableDirectoryIsReported() {
        #expect(throws: StoreError.self) { try SQLiteStore(directory: "/proc/parley-cannot-exist") }
    }
}
