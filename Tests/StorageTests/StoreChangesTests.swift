import Foundation
import Synchronization
import Testing
@testable import Storage

/// ``ParleyStore/changes()``: a write through one handle is heard on the other (on PostgreSQL,
/// another instance); a lost notification connection turns into resyncs and comes back.
@Suite("Store changes")
struct StoreChangesTests {
    static func waitUntilListening(_ store: any ParleyStore) async throws {
        guard let store = store as? PostgresStore else { return }
        let deadline = ContinuousClock.now + .seconds(5)
        while !store.isListening {
            guard ContinuousClock.now < deadline else { Issue.record("never listening"); return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func key(_ id: String, _ fill: Character) -> APIKeyRecord {
        APIKeyRecord(
            id: id, name: id, hash: String(repeating: fill, count: 64), prefix: "pk_\(String(repeating: fill, count: 5))", scopes: ["translate"],
            unlimited: false, createdAt: Date())
    }

    @Test(arguments: StoreKind.available)
    func writesThroughOneHandleAreHeardOnTheOther(_ kind: StoreKind) async throws {
        let (listener, writer) = try await kind.makeStorePair()
        defer { Task { try? await listener.close(); try? await writer.close() } }
        let heard = ChangeRecorder(listener.changes())
        try await Self.waitUntilListening(listener)
        try await writer.insertAPIKey(Self.key("key_1", "c"))
        #expect(await heard.waitFor(.keys))
        #expect(try await writer.revokeAPIKey(id: "key_1", at: Date()))
        #expect(await heard.waitFor(.keys))
        let entry = CatalogEntryRecord(
            namespace: "common", key: "a", language: "es", position: 0, isPlural: false, value: "Hola", state: .translated, revision: 1,
            updatedAt: Date(), updatedBy: "t")
        try await writer.applyCatalogMutations([CatalogMutation(entry: entry, expectedRevision: nil, history: [])])
        #expect(await heard.waitFor(.catalog))
        _ = try await writer.purgeTranslations(olderThan: nil)
        #expect(await heard.waitFor(.cache))
        // A write that changes nothing (revoking a revoked key) announces nothing.
        #expect(try await !writer.revokeAPIKey(id: "key_1", at: Date()))
        try await Task.sleep(for: .milliseconds(300))
        #expect(!heard.drain().contains(.keys))
    }

    @Test func aDroppedNotificationConnectionResyncsAndComesBack() async throws {
        guard StoreKind.available.contains(.postgres) else { return }
        let (listener, writer) = try await StoreKind.postgres.makeStorePair()
        defer { Task { try? await listener.close(); try? await writer.close() } }
        guard let postgres = listener as? PostgresStore else { Issue.record("not PostgreSQL"); return }
        let heard = ChangeRecorder(listener.changes())
        try await Self.waitUntilListening(listener)
        _ = heard.drain()
        // What a database restart or a network cut does to the listening connection.
        try await TestPostgres.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(postgres.url.database)' AND query LIKE 'LISTEN%'",
            on: postgres.url)
        #expect(await heard.waitFor(.resync))
        try await Self.waitUntilListening(listener)
        try await writer.insertAPIKey(Self.key("key_2", "d"))
        #expect(await heard.waitFor(.keys))
    }
}

/// Collects what a change stream yields, so a test can wait for one kind with a deadline.
final class ChangeRecorder: Sendable {
    private final class Log: Sendable {
        let changes = Mutex<[StoreChange]>([])
    }

    private let log = Log()
    private let task: Task<Void, Never>

    init(_ stream: AsyncStream<StoreChange>) {
        let log = log
        task = Task { for await change in stream { log.changes.withLock { $0.append(change) } } }
    }

    deinit { task.cancel() }

    /// Everything heard so far, forgetting it.
    func drain() -> [StoreChange] {
        log.changes.withLock { changes in defer { changes.removeAll() }; return changes }
    }

    /// Whether `change` arrives within `timeout`; what was heard up to it is consumed.
    func waitFor(_ change: StoreChange, within timeout: Duration = .seconds(3)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = log.changes.withLock { changes in
                guard let index = changes.firstIndex(of: change) else { return false }
                changes.removeFirst(index + 1)
                return true
            }
            if found { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
