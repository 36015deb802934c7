import Foundation
import Languages
import Storage

extension CatalogService {
    /// One entry with its English source and QA findings; `nil` when there is no such key.
    public func entry(language: Language, namespace: String, key: String) async throws -> CatalogEntry? {
        guard CatalogNames.isValidNamespace(namespace),
              let record = try await store.catalogEntry(CatalogEntryID(namespace: namespace, key: key, language: language.code))
        else { return nil }
        return try await decorate(record, language: language)
    }

    /// Every live entry of a namespace in one language, in file order.
    public func entries(language: Language, namespace: String) async throws -> [CatalogEntry] {
        guard CatalogNames.isValidNamespace(namespace) else { return [] }
        let english = try await store.catalogEntries(namespace: namespace, language: Language.english.code)
        let target = language == .english
            ? english.filter { !$0.obsolete }
            : try await store.catalogEntries(namespace: namespace, language: language.code).filter { !$0.obsolete }
        let sources = Dictionary(english.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(target.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return CatalogAssembler.orderedKeys(english: english, target: language == .english ? english : target).compactMap { key in
            guard let record = byKey[key] else { return nil }
            let source = sources[key].flatMap { record in record.value.flatMap { record.decode($0) } }
            return makeEntry(record, language: language, source: source)
        }
    }

    /// The history of an entry, oldest first.
    public func history(language: Language, namespace: String, key: String) async throws -> [CatalogRevision] {
        let id = CatalogEntryID(namespace: namespace, key: key, language: language.code)
        guard CatalogNames.isValidNamespace(namespace), let record = try await store.catalogEntry(id) else {
            throw CatalogError.notFound("no key '\(key)' in \(language.code)/\(namespace)")
        }
        return try await store.catalogHistory(id).map { CatalogRevision(record: $0, entry: record) }
    }

    /// The QA findings `value` would have for `key` (without saving).
    public func lint(language: Language, namespace: String, key: String, value: CatalogValue) async throws -> [CatalogFinding] {
        let source = language == .english ? nil : try await sourceValue(namespace: namespace, key: key)
        let memoKey = CatalogFindingsMemo.Key(language: language, namespace: namespace, key: key, source: source, target: value)
        return findingsMemo.findings(for: memoKey) {
            linter.check(language: language, namespace: namespace, key: key, source: source, target: value)
        }
    }

    /// Saves a value when the entry is still at `expectedRevision`.
    ///
    /// QA runs first: errors reject the save (``CatalogError/rejectedByChecks(_:)``), warnings
    /// are stored with the value and returned. A conflicting revision throws
    /// ``CatalogError/revisionMismatch(expected:current:)`` with the current entry. Saving the
    /// value and state the entry already has changes nothing.
    public func save(
        language: Language, namespace: String, key: String, value: CatalogValue, expectedRevision: Int, author: String,
        state: CatalogEntryState = .translated, kind: CatalogRevisionKind = .edit
    ) async throws -> CatalogSaveResult {
        let record = try await liveRecord(language: language, namespace: namespace, key: key)
        guard record.revision == expectedRevision else {
            throw CatalogError.revisionMismatch(expected: expectedRevision, current: try await decorate(record, language: language))
        }
        if state == .untranslated { throw CatalogError.invalidRequest("a saved value cannot be untranslated") }
        let findings = try await lint(language: language, namespace: namespace, key: key, value: value)
        if findings.contains(where: { $0.severity == .error }) { throw CatalogError.rejectedByChecks(findings) }
        let encoded = value.encoded
        if record.value == encoded && record.state == state && !record.needsReview {
            return CatalogSaveResult(entry: try await decorate(record, language: language), findings: findings)
        }
        var entry = record
        entry.value = encoded
        entry.isPlural = value.isPlural
        entry.isLiteral = value.isLiteral
        entry.state = state
        entry.needsReview = false
        entry.findings = Self.encodeFindings(findings)
        // A changed English value flags every translation of the key, in the same transaction.
        let flags = language == .english && record.value != encoded ? try await needsReviewFlags(namespace: namespace, key: key) : []
        let committed = try await commit(record, entry, kind: kind, author: author, note: nil, language: language, also: flags)
        return CatalogSaveResult(entry: try await decorate(committed, language: language), findings: findings)
    }

    /// Changes only the state (e.g. translated → reviewed) when the entry is at `expectedRevision`.
    public func setState(
        language: Language, namespace: String, key: String, state: CatalogEntryState, expectedRevision: Int, author: String
    ) async throws -> CatalogEntry {
        let record = try await liveRecord(language: language, namespace: namespace, key: key)
        guard record.revision == expectedRevision else {
            throw CatalogError.revisionMismatch(expected: expectedRevision, current: try await decorate(record, language: language))
        }
        guard record.state != state || (record.needsReview && state == .reviewed) else { return try await decorate(record, language: language) }
        guard record.value != nil || state == .untranslated else {
            throw CatalogError.invalidRequest("\(language.code)/\(namespace):\(key) has no value to mark \(state.rawValue)")
        }
        var entry = record
        entry.state = state
        entry.needsReview = false
        if state == .untranslated { entry.value = nil }
        let committed = try await commit(record, entry, kind: .review, author: author, note: nil, language: language)
        return try await decorate(committed, language: language)
    }

    /// Makes the value of `revision` current again, as a new revision (QA applies as on save).
    public func revert(
        language: Language, namespace: String, key: String, to revision: Int, expectedRevision: Int, author: String
    ) async throws -> CatalogSaveResult {
        let record = try await liveRecord(language: language, namespace: namespace, key: key)
        guard record.revision == expectedRevision else {
            throw CatalogError.revisionMismatch(expected: expectedRevision, current: try await decorate(record, language: language))
        }
        let history = try await store.catalogHistory(record.id)
        guard let target = history.last(where: { $0.revision == revision && $0.kind != .suggestion }) else {
            throw CatalogError.invalidRequest("\(language.code)/\(namespace):\(key) has no revision \(revision)")
        }
        var entry = record
        var findings: [CatalogFinding] = []
        if let encoded = target.newValue, let value = record.decode(encoded) {
            findings = try await lint(language: language, namespace: namespace, key: key, value: value)
            if findings.contains(where: { $0.severity == .error }) { throw CatalogError.rejectedByChecks(findings) }
            entry.value = encoded
            entry.state = target.newState ?? .translated
        } else {
            entry.value = nil
            entry.state = .untranslated
        }
        entry.findings = Self.encodeFindings(findings)
        entry.needsReview = false
        let flags = language == .english && record.value != entry.value ? try await needsReviewFlags(namespace: namespace, key: key) : []
        let committed = try await commit(record, entry, kind: .revert, author: author, note: "reverted to revision \(revision)", language: language, also: flags)
        return CatalogSaveResult(entry: try await decorate(committed, language: language), findings: findings)
    }

    // MARK: Helpers

    private func liveRecord(language: Language, namespace: String, key: String) async throws -> CatalogEntryRecord {
        let id = CatalogEntryID(namespace: namespace, key: key, language: language.code)
        guard CatalogNames.isValidNamespace(namespace), let record = try await store.catalogEntry(id), !record.obsolete else {
            throw CatalogError.notFound("no key '\(key)' in \(language.code)/\(namespace)")
        }
        return record
    }

    /// Mutations that flag every translation of `key` that has a value as `needsReview` (same
    /// revision, no history row, nothing served changes).
    private func needsReviewFlags(namespace: String, key: String) async throws -> [CatalogMutation] {
        try await store.catalogEntries(namespace: namespace, language: nil).compactMap { record in
            guard record.key == key, record.language != Language.english.code, record.value != nil, !record.obsolete, !record.needsReview else { return nil }
            var flagged = record
            flagged.needsReview = true
            return CatalogMutation(entry: flagged, expectedRevision: record.revision, history: [], touchesDocument: false)
        }
    }

    @discardableResult
    private func commit(
        _ old: CatalogEntryRecord, _ new: CatalogEntryRecord, kind: CatalogRevisionKind, author: String, note: String?, language: Language,
        also others: [CatalogMutation] = []
    ) async throws -> CatalogEntryRecord {
        var entry = new
        entry.revision = old.revision + 1
        entry.updatedAt = Date()
        entry.updatedBy = author
        let event = CatalogRevisionRecord(
            namespace: entry.namespace, key: entry.key, language: entry.language, revision: entry.revision, kind: kind, author: author,
            at: entry.updatedAt, oldValue: old.value, newValue: entry.value, oldState: old.state, newState: entry.state, note: note)
        do {
            try await store.applyCatalogMutations([CatalogMutation(entry: entry, expectedRevision: old.revision, history: [event])] + others)
        } catch is CatalogConflictError {
            let current = try await store.catalogEntry(old.id)
            throw CatalogError.revisionMismatch(expected: old.revision, current: try await current.asyncMap { try await decorate($0, language: language) })
        }
        return entry
    }

    private func sourceValue(namespace: String, key: String) async throws -> CatalogValue? {
        guard let record = try await store.catalogEntry(CatalogEntryID(namespace: namespace, key: key, language: Language.english.code)),
              let value = record.value else { return nil }
        return record.decode(value)
    }

    private func decorate(_ record: CatalogEntryRecord, language: Language) async throws -> CatalogEntry {
        makeEntry(record, language: language, source: try await sourceValue(namespace: record.namespace, key: record.key))
    }

    private func makeEntry(_ record: CatalogEntryRecord, language: Language, source: CatalogValue?) -> CatalogEntry {
        var findings: [CatalogFinding] = []
        if let encoded = record.value, let value = record.decode(encoded) {
            let source = language == .english ? nil : source
            let key = CatalogFindingsMemo.Key(language: language, namespace: record.namespace, key: record.key, source: source, target: value)
            findings = findingsMemo.findings(for: key) {
                linter.check(language: language, namespace: record.namespace, key: record.key, source: source, target: value)
            }
        }
        return CatalogEntry(record: record, language: language, source: source, findings: findings)
    }

    static func encodeFindings(_ findings: [CatalogFinding]) -> String? {
        guard !findings.isEmpty, let data = try? JSONEncoder().encode(findings) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
