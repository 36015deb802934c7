import Foundation
import Testing
@testable import Storage

/// What every ``ParleyStore`` promises, checked on SQLite and on PostgreSQL alike.
@Suite("Store contract")
struct StoreContractTests {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000.123456)

    func key(_ id: String, hash: String, at offset: TimeInterval = 0) -> APIKeyRecord {
        APIKeyRecord(
            id: id, name: "test-\(id)", hash: hash, prefix: "pk_abcde", scopes: ["translate", "catalog:write:ar"],
            unlimited: id.hasSuffix("u"), createdAt: Self.t0.addingTimeInterval(offset))
    }

    func entry(_ key: String, _ language: String = "es", value: String? = "Hola", revision: Int = 1, namespace: String = "common", position: Int? = 0) -> CatalogEntryRecord {
        CatalogEntryRecord(
            namespace: namespace, key: key, language: language, position: position, isPlural: false, value: value,
            state: value == nil ? .untranslated : .translated, revision: revision, synced: value, findings: nil,
            updatedAt: Self.t0.addingTimeInterval(Double(revision)), updatedBy: "alice")
    }

    func edit(_ entry: CatalogEntryRecord, from old: String?, note: String? = nil) -> CatalogRevisionRecord {
        CatalogRevisionRecord(
            namespace: entry.namespace, key: entry.key, language: entry.language, revision: entry.revision, kind: .edit,
            author: entry.updatedBy, at: entry.updatedAt, oldValue: old, newValue: entry.value,
            oldState: old == nil ? nil : .translated, newState: entry.state, note: note)
    }

    // MARK: API keys

    @Test(arguments: StoreKind.available)
    func apiKeys(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        try await store.insertAPIKey(key("key_2u", hash: "bb", at: 1))
        try await store.insertAPIKey(key("key_1", hash: "aa"))
        let keys = try await store.listAPIKeys()
        #expect(keys.map(\.id) == ["key_1", "key_2u"])  // oldest first
        #expect(keys[0] == key("key_1", hash: "aa"))
        #expect(keys[1].unlimited)
        #expect(try await store.apiKey(hash: "aa")?.id == "key_1")
        #expect(try await store.apiKey(hash: "zz") == nil)
        let revokedAt = Self.t0.addingTimeInterval(100)
        #expect(try await store.revokeAPIKey(id: "key_2u", at: revokedAt))
        #expect(try await !store.revokeAPIKey(id: "key_2u", at: Date()))
        #expect(try await !store.revokeAPIKey(id: "key_missing", at: Date()))
        #expect(try await store.apiKey(hash: "bb")?.revokedAt == revokedAt)
    }

    @Test(arguments: StoreKind.available)
    func duplicateKeyHashIsAConflict(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        try await store.insertAPIKey(key("key_1", hash: "aa"))
        await #expect {
            try await store.insertAPIKey(key("key_2", hash: "aa"))
        } throws: { error in
            guard case StoreError.conflict = error else { return false }
            return true
        }
        #expect(try await store.listAPIKeys().count == 1)
    }

    // MARK: Translation cache

    @Test(arguments: StoreKind.available)
    func translationCache(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let old = CachedTranslation(key: "k1", text: "Hola", backend: "lt", createdAt: Self.t0)
        let new = CachedTranslation(key: "k2", text: "Привет 👋", backend: "nllb+lt", createdAt: Self.t0.addingTimeInterval(60))
        try await store.saveTranslations([old, new])
        try await store.saveTranslations([])
        #expect(try await store.cachedTranslation(key: "k1", notBefore: .distantPast) == old)
        #expect(try await store.cachedTranslation(key: "k2", notBefore: .distantPast) == new)
        #expect(try await store.cachedTranslation(key: "k1", notBefore: Self.t0.addingTimeInterval(1)) == nil)  // too old
        #expect(try await store.cachedTranslation(key: "missing", notBefore: .distantPast) == nil)

        // Saving a key again replaces it; a key twice in one batch keeps the last.
        let replaced = CachedTranslation(key: "k1", text: "Buenas", backend: "lt", createdAt: Self.t0.addingTimeInterval(120))
        try await store.saveTranslations([CachedTranslation(key: "k1", text: "first", backend: "x", createdAt: Self.t0), replaced])
        #expect(try await store.cachedTranslation(key: "k1", notBefore: .distantPast) == replaced)

        let statistics = try await store.translationCacheStatistics()
        #expect(statistics.entries == 2)
        #expect(statistics.bytes == "Buenas".utf8.count + 2 + "Привет 👋".utf8.count + 2)
        #expect(statistics.oldest == new.createdAt)
        #expect(statistics.newest == replaced.createdAt)

        #expect(try await store.purgeTranslations(olderThan: Self.t0.addingTimeInterval(100)) == 1)
        #expect(try await store.cachedTranslation(key: "k2", notBefore: .distantPast) == nil)
        #expect(try await store.purgeTranslations(olderThan: nil) == 1)
        #expect(try await store.translationCacheStatistics() == TranslationCacheStatistics(entries: 0, bytes: 0, oldest: nil, newest: nil))
    }

    // MARK: Catalogs

    @Test(arguments: StoreKind.available)
    func catalogMutationsHistoryAndVersions(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        #expect(try await store.catalogIsEmpty())
        let a = entry("a", position: 1), b = entry("b", value: nil, position: nil), c = entry("c", "ar", value: "مرحبا", position: 0)
        try await store.applyCatalogMutations([
            CatalogMutation(entry: a, expectedRevision: nil, history: [edit(a, from: nil)]),
            CatalogMutation(entry: b, expectedRevision: nil, history: []),
            CatalogMutation(entry: c, expectedRevision: nil, history: [edit(c, from: nil, note: "first")]),
        ])
        #expect(try await !store.catalogIsEmpty())
        #expect(try await store.catalogEntry(a.id) == a)
        #expect(try await store.catalogEntry(b.id) == b)
        #expect(try await store.catalogEntry(CatalogEntryID(namespace: "common", key: "zz", language: "es")) == nil)
        // Ordered by namespace, language, position (absent last), key.
        #expect(try await store.catalogEntries(namespace: nil, language: nil).map(\.id) == [c.id, a.id, b.id])
        #expect(try await store.catalogEntries(namespace: "common", language: "es").map(\.key) == ["a", "b"])
        #expect(try await store.catalogEntries(namespace: "other", language: nil).isEmpty)
        #expect(try await store.catalogVersions(namespace: "common") == ["es": 1, "ar": 1])

        // An edit with the right revision applies and appends history, in order.
        var a2 = a
        a2.value = "Hola a todos"
        a2.revision = 2
        a2.updatedAt = Self.t0.addingTimeInterval(2)
        a2.needsReview = true
        a2.isLiteral = false
        a2.findings = #"[{"check":"length"}]"#
        let review = CatalogRevisionRecord(
            namespace: "common", key: "a", language: "es", revision: 2, kind: .review, author: "bob", at: a2.updatedAt,
            oldValue: nil, newValue: nil, oldState: .translated, newState: .reviewed)
        try await store.applyCatalogMutations([CatalogMutation(entry: a2, expectedRevision: 1, history: [edit(a2, from: "Hola"), review])])
        #expect(try await store.catalogEntry(a.id) == a2)
        let history = try await store.catalogHistory(a.id)
        #expect(history == [edit(a, from: nil), edit(a2, from: "Hola"), review])
        #expect(try await store.catalogVersions(namespace: "common") == ["es": 2, "ar": 1])

        // A change that does not touch the document leaves the version alone.
        var a3 = a2
        a3.needsReview = false
        try await store.applyCatalogMutations([CatalogMutation(entry: a3, expectedRevision: 2, history: [], touchesDocument: false)])
        #expect(try await store.catalogVersions(namespace: "common") == ["es": 2, "ar": 1])
        #expect(try await store.allCatalogVersions() == [
            CatalogVersionKey(namespace: "common", language: "es"): 2, CatalogVersionKey(namespace: "common", language: "ar"): 1,
        ])
    }

    @Test(arguments: StoreKind.available)
    func aConflictWritesNothing(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let a = entry("a"), b = entry("b")
        try await store.applyCatalogMutations([CatalogMutation(entry: a, expectedRevision: nil, history: [edit(a, from: nil)])])
        var a2 = a
        a2.revision = 2
        a2.value = "changed"
        // b is new and fine, a is stale (expected 5, stored 1): neither is written.
        await #expect {
            try await store.applyCatalogMutations([
                CatalogMutation(entry: b, expectedRevision: nil, history: [edit(b, from: nil)]),
                CatalogMutation(entry: a2, expectedRevision: 5, history: [edit(a2, from: "Hola")]),
            ])
        } throws: { error in
            guard let conflict = error as? CatalogConflictError else { return false }
            return conflict.entry == a.id && conflict.expectedRevision == 5 && conflict.actualRevision == 1
        }
        // Creating an entry that exists is a conflict too.
        await #expect(throws: CatalogConflictError.self) {
            try await store.applyCatalogMutations([CatalogMutation(entry: a2, expectedRevision: nil, history: [])])
        }
        #expect(try await store.catalogEntry(a.id) == a)
        #expect(try await store.catalogEntry(b.id) == nil)
        #expect(try await store.catalogHistory(a.id).count == 1)
        #expect(try await store.catalogVersions(namespace: "common") == ["es": 1])
    }

    @Test(arguments: StoreKind.available)
    func concurrentEditsOfOneRevisionLetExactlyOneWin(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let a = entry("a")
        try await store.applyCatalogMutations([CatalogMutation(entry: a, expectedRevision: nil, history: [])])
        // Each edit either wins or is refused as a conflict; any other failure fails the test.
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    var next = a
                    next.revision = 2
                    next.value = "edit \(index)"
                    do {
                        try await store.applyCatalogMutations([CatalogMutation(entry: next, expectedRevision: 1, history: [self.edit(next, from: "Hola")])])
                        return true
                    } catch is CatalogConflictError {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await store.catalogHistory(a.id).count == 1)
        #expect(try await store.catalogVersions(namespace: "common") == ["es": 2])
    }

    // MARK: Audit

    @Test(arguments: StoreKind.available)
    func auditRevisionsAndEvents(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let a = entry("a"), c = entry("c", "ar", value: "مرحبا", revision: 3)
        try await store.applyCatalogMutations([
            CatalogMutation(entry: a, expectedRevision: nil, history: [edit(a, from: nil)]),
            CatalogMutation(entry: c, expectedRevision: nil, history: [edit(c, from: nil)]),
        ])
        #expect(try await store.catalogRevisions(AuditQuery()).map(\.key) == ["c", "a"])  // newest first
        #expect(try await store.catalogRevisions(AuditQuery(language: "es")).map(\.key) == ["a"])
        #expect(try await store.catalogRevisions(AuditQuery(since: Self.t0.addingTimeInterval(2))).map(\.key) == ["c"])
        #expect(try await store.catalogRevisions(AuditQuery(actor: "nobody")).isEmpty)
        #expect(try await store.catalogRevisions(AuditQuery(limit: 1)).count == 1)

        let first = try await store.appendAuditEvent(AuditEventRecord(at: Self.t0, actor: "cli", action: "pretranslate.started", language: "ha", namespace: "common"))
        let second = try await store.appendAuditEvent(AuditEventRecord(at: Self.t0.addingTimeInterval(5), actor: "key_1", action: "pretranslate.finished", detail: "12 filled"))
        #expect(first.id > 0 && second.id > first.id)
        #expect(try await store.auditEvents(AuditQuery()) == [second, first])
        #expect(try await store.auditEvents(AuditQuery(namespace: "common")) == [first])
        #expect(try await store.auditEvents(AuditQuery(actor: "key_1", limit: 10)) == [second])
        #expect(try await store.auditEvents(AuditQuery(limit: 0)).isEmpty)
    }

    // MARK: Durability and failure

    @Test(arguments: StoreKind.available)
    func aClosedStoreIsUnavailable(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        try await store.ping()
        try await store.close()
        await #expect {
            try await store.ping()
        } throws: { error in
            guard case StoreError.unavailable = error else { return false }
            return true
        }
    }

    // MARK: Moving a deployment

    @Test(arguments: StoreKind.available)
    func cachePagesInKeyOrder(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let keys = (0..<25).map { String(format: "%064x", $0 * 7919) }.shuffled()
        try await store.saveTranslations(keys.map { CachedTranslation(key: $0, text: "t\($0.suffix(4))", backend: "lt", createdAt: Self.t0) })
        var seen: [String] = []
        var after: String?
        while true {
            let page = try await store.translations(after: after, limit: 10)
            guard let last = page.last else { break }
            #expect(page.count <= 10)
            #expect(page.allSatisfy { $0.text == "t\($0.key.suffix(4))" && $0.createdAt == Self.t0 })
            seen += page.map(\.key)
            after = last.key
        }
        #expect(seen == keys.sorted())
        #expect(try await store.translations(after: nil, limit: 0).isEmpty)
    }

    @Test(arguments: StoreKind.available)
    func versionsAreRaisedNeverLowered(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let a = entry("a")
        try await store.applyCatalogMutations([CatalogMutation(entry: a, expectedRevision: nil, history: [])])
        let es = CatalogVersionKey(namespace: "common", language: "es"), ar = CatalogVersionKey(namespace: "menu", language: "ar")
        try await store.raiseCatalogVersions([es: 7, ar: 3])
        #expect(try await store.allCatalogVersions() == [es: 7, ar: 3])
        try await store.raiseCatalogVersions([es: 2])
        #expect(try await store.allCatalogVersions()[es] == 7)
        var a2 = a
        a2.revision = 2
        try await store.applyCatalogMutations([CatalogMutation(entry: a2, expectedRevision: 1, history: [])])
        #expect(try await store.allCatalogVersions()[es] == 8)
    }

    @Test(arguments: StoreKind.available)
    func aNewStoreIsAtTheCurrentSchema(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let status = try await store.schemaStatus()
        #expect(status.isCurrent, "\(status)")
        #expect(status.known > 0)
    }

    // MARK: Rate buckets

    @Test(arguments: StoreKind.available)
    func aRateBucketStartsFullGrantsWholeTokensAndRefills(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let first = try await store.takeRateTokens("key:a", count: 3, rate: 0.001, burst: 5)
        #expect(first.granted == 3)
        let second = try await store.takeRateTokens("key:a", count: 3, rate: 0.001, burst: 5)
        #expect(second.granted == 2)  // only what is left
        let third = try await store.takeRateTokens("key:a", count: 3, rate: 0.001, burst: 5)
        #expect(third.granted == 0)
        #expect(third.remaining < 1)
        #expect(third.secondsUntilNext(rate: 0.001) > 900)
        // Another bucket is another key's.
        #expect(try await store.takeRateTokens("key:b", count: 1, rate: 0.001, burst: 5).granted == 1)
        // 200 tokens a second: a tenth of a second later a few are back, never more than the burst.
        _ = try await store.takeRateTokens("key:c", count: 5, rate: 200, burst: 5)
        try await Task.sleep(for: .milliseconds(100))
        let refilled = try await store.takeRateTokens("key:c", count: 100, rate: 200, burst: 5)
        #expect(refilled.granted == 5)
    }

    @Test(arguments: StoreKind.available)
    func racingTakersNeverGetMoreThanTheBucketHolds(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        let granted = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<40 {
                group.addTask { try await store.takeRateTokens("key:race", count: 2, rate: 0.001, burst: 25).granted }
            }
            return try await group.reduce(0, +)
        }
        #expect(granted == 25)
    }

    // MARK: Work queue

    func work(_ id: String, kind: String = "test.work", at offset: TimeInterval = 0) -> WorkItemRecord {
        WorkItemRecord(id: id, kind: kind, payload: #"{"n":1}"#, requestedBy: "alice", language: "ar", createdAt: Self.t0.addingTimeInterval(offset))
    }

    @Test(arguments: StoreKind.available)
    func workIsEnqueuedOnceClaimedRenewedAndReleased(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        #expect(try await store.enqueueWork(work("evt_1")))
        #expect(try await !store.enqueueWork(work("evt_1")))  // the same event twice is one item
        #expect(try await store.enqueueWork(work("job_2", at: 1)))
        #expect(try await store.enqueueWork(work("other", kind: "other.kind")))
        #expect(try await store.unfinishedWorkCount(kinds: ["test.work"]) == 2)
        let first = try #require(try await store.claimWork(kinds: ["test.work"], owner: "a", lease: .seconds(30)))
        #expect(first.id == "evt_1")  // longest waiting first
        #expect(first.state == .running && first.owner == "a" && first.attempts == 1)
        #expect(first.payload == #"{"n":1}"# && first.language == "ar" && first.requestedBy == "alice")
        let second = try #require(try await store.claimWork(kinds: ["test.work"], owner: "b", lease: .seconds(30)))
        #expect(second.id == "job_2")
        #expect(try await store.claimWork(kinds: ["test.work"], owner: "c", lease: .seconds(30)) == nil)
        #expect(try await store.renewWork(id: "evt_1", owner: "a", lease: .seconds(30), progress: #"{"done":3}"#))
        #expect(try await !store.renewWork(id: "evt_1", owner: "b", lease: .seconds(30), progress: nil))  // not b's
        #expect(try await store.workItem(id: "evt_1")?.progress == #"{"done":3}"#)
        #expect(try await !store.releaseWork(id: "evt_1", owner: "b", as: .finished(.completed, result: nil, reason: nil)))
        #expect(try await store.releaseWork(id: "evt_1", owner: "a", as: .finished(.completed, result: #"{"ok":true}"#, reason: nil)))
        let done = try #require(try await store.workItem(id: "evt_1"))
        #expect(done.state == .completed && done.result == #"{"ok":true}"# && done.owner == nil && done.finishedAt != nil)
        // A retry goes back to the queue, claimable only once its time has come.
        #expect(try await store.releaseWork(id: "job_2", owner: "b", as: .retry(after: .milliseconds(300), reason: "receiver said 500")))
        #expect(try await store.claimWork(kinds: ["test.work"], owner: "c", lease: .seconds(30)) == nil)
        try await Task.sleep(for: .milliseconds(400))
        let retried = try #require(try await store.claimWork(kinds: ["test.work"], owner: "c", lease: .seconds(30)))
        #expect(retried.id == "job_2" && retried.attempts == 2 && retried.reason == "receiver said 500")
        #expect(try await store.unfinishedWorkCount(kinds: ["test.work"]) == 1)
        #expect(try await store.workItem(id: "nope") == nil)
    }

    @Test(arguments: StoreKind.available)
    func anExpiredLeaseIsClaimedAgainAndTheOldOwnerIsRefused(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        #expect(try await store.enqueueWork(work("job_1")))
        _ = try #require(try await store.claimWork(kinds: ["test.work"], owner: "dead", lease: .milliseconds(200)))
        #expect(try await store.claimWork(kinds: ["test.work"], owner: "b", lease: .seconds(30)) == nil)  // still leased
        try await Task.sleep(for: .milliseconds(300))
        let resumed = try #require(try await store.claimWork(kinds: ["test.work"], owner: "b", lease: .seconds(30)))
        #expect(resumed.owner == "b" && resumed.attempts == 2)
        #expect(try await !store.renewWork(id: "job_1", owner: "dead", lease: .seconds(30), progress: nil))
        #expect(try await !store.releaseWork(id: "job_1", owner: "dead", as: .finished(.failed, result: nil, reason: "late")))
        #expect(try await store.releaseWork(id: "job_1", owner: "b", as: .finished(.completed, result: nil, reason: nil)))
    }

    @Test(arguments: StoreKind.available)
    func racingClaimsTakeEachItemOnce(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        for index in 0..<10 { _ = try await store.enqueueWork(work("job_\(index)", at: Double(index))) }
        let claimed = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<30 {
                group.addTask { try await store.claimWork(kinds: ["test.work"], owner: "owner\(index)", lease: .seconds(30))?.id }
            }
            return try await group.reduce(into: [String]()) { if let id = $1 { $0.append(id) } }
        }
        #expect(claimed.count == 10)
        #expect(Set(claimed).count == 10)
    }

    @Test(arguments: StoreKind.available)
    func pruningDeletesOnlyWorkThatFinishedLongEnoughAgo(_ kind: StoreKind) async throws {
        let store = try await kind.makeStore()
        defer { Task { try? await store.close() } }
        for id in ["done", "failed", "queued", "running"] { _ = try await store.enqueueWork(work(id)) }
        for (id, state) in [("done", WorkItemRecord.State.completed), ("failed", .failed)] {
            let claimed = try #require(try await store.claimWork(kinds: ["test.work"], owner: "a", lease: .seconds(30)))
            #expect(claimed.id == id)
            _ = try await store.releaseWork(id: id, owner: "a", as: .finished(state, result: nil, reason: nil))
        }
        _ = try #require(try await store.claimWork(kinds: ["test.work"], owner: "a", lease: .seconds(30)))  // "queued" is now running
        #expect(try await store.pruneFinishedWork(olderThan: .seconds(60)) == 0)  // too recent
        try await Task.sleep(for: .milliseconds(150))
        #expect(try await store.pruneFinishedWork(olderThan: .milliseconds(100)) == 2)
        #expect(try await store.workItem(id: "done") == nil)
        #expect(try await store.workItem(id: "failed") == nil)
        #expect(try await store.unfinishedWorkCount(kinds: ["test.work"]) == 2)
    }
}
