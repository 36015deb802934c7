import Foundation
import Testing
@testable import Storage

/// `parley store copy`: a deployment moved between stores keeps every key, entry, revision,
/// version, audit event and cached translation; a target with data is refused untouched.
@Suite("Store copy")
struct StoreCopierTests {
    struct Pair: CustomTestStringConvertible, Sendable {
        var from: StoreKind
        var to: StoreKind
        var testDescription: String { "\(from) → \(to)" }
    }

    static var pairs: [Pair] {
        StoreKind.available.flatMap { from in StoreKind.available.map { Pair(from: from, to: $0) } }
    }

    static let t0 = Date(timeIntervalSince1970: 1_700_000_000.25)

    /// A source with what a real deployment holds: an active and a revoked key, entries in two
    /// namespaces and languages with several revisions, an obsolete entry, an untranslated
    /// one, versions moved past their entry count, audit events, and more cache entries than
    /// one copy page.
    func populate(_ store: any ParleyStore) async throws {
        try await store.insertAPIKey(APIKeyRecord(
            id: "key_a", name: "chat", hash: String(repeating: "a", count: 64), prefix: "pk_aaaaa", scopes: ["translate"],
            unlimited: true, createdAt: Self.t0))
        try await store.insertAPIKey(APIKeyRecord(
            id: "key_b", name: "old", hash: String(repeating: "b", count: 64), prefix: "pk_bbbbb", scopes: ["catalog:write:ar"],
            unlimited: false, createdAt: Self.t0, revokedAt: Self.t0.addingTimeInterval(60)))
        for (namespace, language) in [("common", "es"), ("common", "ar"), ("studio", "ar")] {
            var mutations: [CatalogMutation] = []
            for index in 0..<30 {
                let record = CatalogEntryRecord(
                    namespace: namespace, key: "k\(index)", language: language, position: index, isPlural: index == 3,
                    value: index == 4 ? nil : "v\(index)-\(language)", state: index == 4 ? .untranslated : .translated, revision: 1,
                    obsolete: index == 5, synced: "v\(index)", findings: index == 6 ? #"[{"check":"length"}]"# : nil,
                    updatedAt: Self.t0.addingTimeInterval(Double(index)), updatedBy: "alice", isLiteral: index == 7, needsReview: index == 8)
                let history = index == 4 ? [] : [CatalogRevisionRecord(
                    namespace: namespace, key: record.key, language: language, revision: 1, kind: .import, author: "alice",
                    at: record.updatedAt, oldValue: nil, newValue: record.value, oldState: nil, newState: .translated)]
                mutations.append(CatalogMutation(entry: record, expectedRevision: nil, history: history))
            }
            try await store.applyCatalogMutations(mutations)
        }
        // Two more revisions of one entry, each its own transaction (the version moves twice).
        for revision in 2...3 {
            let id = CatalogEntryID(namespace: "common", key: "k1", language: "ar")
            guard var record = try await store.catalogEntry(id) else { Issue.record("no entry"); return }
            let old = record.value
            record.value = "r\(revision)"
            record.revision = revision
            record.state = revision == 3 ? .reviewed : .translated
            record.updatedBy = "bob"
            let change = CatalogRevisionRecord(
                namespace: id.namespace, key: id.key, language: id.language, revision: revision, kind: .edit, author: "bob",
                at: Self.t0.addingTimeInterval(100 + Double(revision)), oldValue: old, newValue: record.value, oldState: .translated,
                newState: record.state, note: "fix \(revision)")
            try await store.applyCatalogMutations([CatalogMutation(entry: record, expectedRevision: revision - 1, history: [change])])
        }
        for index in 0..<3 {
            try await store.appendAuditEvent(AuditEventRecord(
                at: Self.t0.addingTimeInterval(Double(index)), actor: "cli", action: "pretranslate.finished", language: "ar",
                namespace: "common", detail: "run \(index)"))
        }
        let cached = (0..<2_345).map {
            CachedTranslation(key: String(format: "%064x", $0 &* 2_654_435_761), text: "text \($0) ✓", backend: "lt", createdAt: Self.t0)
        }
        try await store.saveTranslations(cached)
    }

    @Test(arguments: pairs)
    func everythingArrivesAndReadsBackTheSame(_ pair: Pair) async throws {
        let source = try await pair.from.makeStore()
        let target = try await pair.to.makeStore()
        defer { Task { try? await source.close(); try? await target.close() } }
        try await populate(source)

        let report = try await StoreCopier(from: source, to: target).copy()
        #expect(report.apiKeys == 2)
        #expect(report.entries == 90)
        #expect(report.revisions == 87 + 2)
        #expect(report.versions == 3)
        #expect(report.auditEvents == 3)
        #expect(report.cachedTranslations == 2_345)

        #expect(try await target.listAPIKeys() == source.listAPIKeys())
        #expect(try await target.apiKey(hash: String(repeating: "b", count: 64))?.isRevoked == true)
        let entries = try await source.catalogEntries(namespace: nil, language: nil)
        #expect(try await target.catalogEntries(namespace: nil, language: nil) == entries)
        for entry in entries {
            #expect(try await target.catalogHistory(entry.id) == source.catalogHistory(entry.id), "\(entry.id)")
        }
        let versions = try await source.allCatalogVersions()
        #expect(versions[CatalogVersionKey(namespace: "common", language: "ar")] == 3)
        #expect(try await target.allCatalogVersions() == versions)
        let events = try await source.auditEvents(AuditQuery(limit: 10))
        #expect(try await target.auditEvents(AuditQuery(limit: 10)).map { [$0.at, $0.action, $0.detail] as [AnyHashable?] }
            == events.map { [$0.at, $0.action, $0.detail] as [AnyHashable?] })
        var sourceCache: [CachedTranslation] = [], targetCache: [CachedTranslation] = []
        while let page = Optional(try await source.translations(after: sourceCache.last?.key, limit: 1_000)), !page.isEmpty { sourceCache += page }
        while let page = Optional(try await target.translations(after: targetCache.last?.key, limit: 1_000)), !page.isEmpty { targetCache += page }
        #expect(targetCache.count == 2_345)
        #expect(targetCache == sourceCache)
    }

    @Test(arguments: pairs)
    func aTargetWithDataIsRefusedAndLeftAlone(_ pair: Pair) async throws {
        let source = try await pair.from.makeStore()
        let target = try await pair.to.makeStore()
        defer { Task { try? await source.close(); try? await target.close() } }
        try await populate(source)
        try await target.saveTranslations([CachedTranslation(key: "k", text: "already here", backend: "lt", createdAt: Self.t0)])
        do {
            _ = try await StoreCopier(from: source, to: target).copy()
            Issue.record("a target holding data was copied into")
        } catch let error as StoreCopyError {
            #expect(error == .targetNotEmpty(target.location, holds: ["cached translations"]))
            #expect(error.description.contains("never merges"))
        }
        #expect(try await target.listAPIKeys().isEmpty)
        #expect(try await target.catalogIsEmpty())
        #expect(try await target.translationCacheStatistics().entries == 1)
    }
}
