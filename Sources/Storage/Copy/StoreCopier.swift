import Foundation

/// Moves a deployment from one store to another (`parley store copy --from sqlite:… --to
/// postgres://…`): API keys (revoked ones too), catalog entries with every revision of their
/// history, namespace versions (so ETags carry over), the audit log and the translation cache.
///
/// The target must hold none of these yet — a copy never merges into a live store — and the
/// source should not be written to while the copy runs (stop the service first). After
/// copying, the target is read back and counted against the source; a difference is an error.
///
/// ```swift
/// let report = try await StoreCopier(from: sqlite, to: postgres).copy()
/// print(report)   // 3 keys, 2412 entries, 2890 revisions, 96 versions, 12 audit events, 5120 cached translations
/// ```
public struct StoreCopier: Sendable {
    public let source: any ParleyStore
    public let target: any ParleyStore
    /// Cache entries read and written per step (bounds memory for large caches).
    public var cachePage = 1_000

    public init(from source: any ParleyStore, to target: any ParleyStore) {
        self.source = source
        self.target = target
    }

    /// Copies everything; throws ``StoreCopyError`` when the target is not empty or the
    /// read-back differs, ``StoreError`` when either store fails.
    public func copy(progress: @Sendable (String) -> Void = { _ in }) async throws -> StoreCopyReport {
        try await requireEmptyTarget()
        var report = StoreCopyReport()

        let keys = try await source.listAPIKeys()
        for key in keys { try await target.insertAPIKey(key) }
        report.apiKeys = keys.count
        progress("api keys: \(keys.count)")

        (report.entries, report.revisions) = try await copyCatalogs()
        progress("catalog entries: \(report.entries), revisions: \(report.revisions)")

        let versions = try await source.allCatalogVersions()
        try await target.raiseCatalogVersions(versions)
        report.versions = versions.count
        progress("namespace versions: \(versions.count)")

        let events = try await source.auditEvents(AuditQuery(limit: Int(Int32.max)))
        for event in events.reversed() {
            var copied = event
            copied.id = 0
            try await target.appendAuditEvent(copied)
        }
        report.auditEvents = events.count
        progress("audit events: \(events.count)")

        report.cachedTranslations = try await copyCache()
        progress("cached translations: \(report.cachedTranslations)")

        try await verify(report, versions: versions)
        return report
    }

    private func requireEmptyTarget() async throws {
        var held: [String] = []
        if try await !target.listAPIKeys().isEmpty { held.append("API keys") }
        if try await !target.catalogIsEmpty() { held.append("catalog entries") }
        if try await target.translationCacheStatistics().entries > 0 { held.append("cached translations") }
        if !held.isEmpty { throw StoreCopyError.targetNotEmpty(target.location, holds: held) }
    }

    /// One transaction per namespace and language: every entry (obsolete ones too) with its
    /// whole history, as the source has them.
    private func copyCatalogs() async throws -> (entries: Int, revisions: Int) {
        let entries = try await source.catalogEntries(namespace: nil, language: nil)
        var revisions = 0
        var batch: [CatalogMutation] = []
        var batchKey: CatalogVersionKey?
        for entry in entries {
            let key = CatalogVersionKey(namespace: entry.namespace, language: entry.language)
            if key != batchKey, !batch.isEmpty {
                try await target.applyCatalogMutations(batch)
                batch.removeAll(keepingCapacity: true)
            }
            batchKey = key
            let history = try await source.catalogHistory(entry.id)
            revisions += history.count
            batch.append(CatalogMutation(entry: entry, expectedRevision: nil, history: history))
        }
        if !batch.isEmpty { try await target.applyCatalogMutations(batch) }
        return (entries.count, revisions)
    }

    private func copyCache() async throws -> Int {
        var copied = 0
        var after: String?
        while true {
            let page = try await source.translations(after: after, limit: cachePage)
            guard let last = page.last else { return copied }
            try await target.saveTranslations(page)
            copied += page.count
            after = last.key
        }
    }

    /// Reads the target back: the same keys, entries (every field), history lengths,
    /// versions and cache size as the source.
    private func verify(_ report: StoreCopyReport, versions: [CatalogVersionKey: Int]) async throws {
        func differ(_ what: String, _ expected: Int, _ found: Int) -> StoreCopyError {
            .verificationFailed("\(what): the source has \(expected), the copy \(found)")
        }
        let keys = try await target.listAPIKeys()
        guard keys.count == report.apiKeys else { throw differ("API keys", report.apiKeys, keys.count) }
        let sourceEntries = try await source.catalogEntries(namespace: nil, language: nil)
        let copiedEntries = try await target.catalogEntries(namespace: nil, language: nil)
        guard copiedEntries.count == sourceEntries.count else { throw differ("catalog entries", sourceEntries.count, copiedEntries.count) }
        let copiedByID = Dictionary(copiedEntries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var revisions = 0
        for entry in sourceEntries {
            guard let copy = copiedByID[entry.id], copy == entry else {
                throw StoreCopyError.verificationFailed("entry \(entry.language)/\(entry.namespace):\(entry.key) differs in the copy")
            }
            revisions += try await target.catalogHistory(entry.id).count
        }
        guard revisions == report.revisions else { throw differ("revisions", report.revisions, revisions) }
        let copiedVersions = try await target.allCatalogVersions()
        for (key, version) in versions where copiedVersions[key] != version {
            throw StoreCopyError.verificationFailed("version of \(key): the source has \(version), the copy \(copiedVersions[key].map(String.init) ?? "none")")
        }
        let cached = try await target.translationCacheStatistics().entries
        guard cached == report.cachedTranslations else { throw differ("cached translations", report.cachedTranslations, cached) }
    }
}
