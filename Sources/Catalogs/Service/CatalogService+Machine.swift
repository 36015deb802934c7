import Foundation
import Languages
import Storage

extension CatalogService {
    /// Stores machine pre-translations of one language in one transaction.
    ///
    /// A value is stored whole (every plural form at once) in state `machine`, with a history
    /// event (`edit`, noted `note`); a write without a value records its findings on the
    /// untranslated entry (no new revision, nothing served changes). Only entries still at
    /// `expectedRevision` and still `untranslated` or `machine` are written — never a
    /// translator's or reviewer's value. When another change lands between reading and
    /// writing, the batch is retried key by key and the changed keys are skipped.
    public func storeMachineTranslations(
        language: Language, writes: [CatalogMachineWrite], author: String, note: String = "machine pre-translation"
    ) async throws -> CatalogMachineWriteResult {
        var result = CatalogMachineWriteResult()
        var planned: [(name: String, mutation: CatalogMutation, stored: Bool)] = []
        let now = Date()
        for write in writes {
            let name = "\(write.namespace):\(write.key)"
            let id = CatalogEntryID(namespace: write.namespace, key: write.key, language: language.code)
            guard let record = try await store.catalogEntry(id), !record.obsolete, record.revision == write.expectedRevision,
                  record.state == .untranslated || record.state == .machine
            else {
                result.skipped.append(name)
                continue
            }
            planned.append((name, machineMutation(record, write, author: author, note: note, at: now), write.value != nil))
        }
        guard !planned.isEmpty else { return result }
        do {
            try await store.applyCatalogMutations(planned.map(\.mutation))
            for item in planned { if item.stored { result.stored.append(item.name) } else { result.recorded.append(item.name) } }
        } catch is CatalogConflictError {
            for item in planned {
                do {
                    try await store.applyCatalogMutations([item.mutation])
                    if item.stored { result.stored.append(item.name) } else { result.recorded.append(item.name) }
                } catch is CatalogConflictError {
                    result.skipped.append(item.name)
                }
            }
        }
        return result
    }

    /// The QA findings stored with an entry (for an untranslated entry: why its machine
    /// translation was refused).
    public func storedFindings(language: Language, namespace: String, key: String) async throws -> [CatalogFinding] {
        guard let record = try await store.catalogEntry(CatalogEntryID(namespace: namespace, key: key, language: language.code)),
              let json = record.findings else { return [] }
        return (try? JSONDecoder().decode([CatalogFinding].self, from: Data(json.utf8))) ?? []
    }

    private func machineMutation(_ record: CatalogEntryRecord, _ write: CatalogMachineWrite, author: String, note: String, at now: Date) -> CatalogMutation {
        var entry = record
        entry.findings = Self.encodeFindings(write.findings)
        guard let value = write.value else {
            // Findings only: same revision, nothing served changes.
            return CatalogMutation(entry: entry, expectedRevision: record.revision, history: [], touchesDocument: false)
        }
        entry.value = value.encoded
        entry.isPlural = value.isPlural
        entry.isLiteral = value.isLiteral
        entry.state = .machine
        entry.needsReview = false
        entry.revision = record.revision + 1
        entry.updatedAt = now
        entry.updatedBy = author
        let event = CatalogRevisionRecord(
            namespace: entry.namespace, key: entry.key, language: entry.language, revision: entry.revision, kind: .edit, author: author,
            at: now, oldValue: record.value, newValue: entry.value, oldState: record.state, newState: .machine, note: note)
        return CatalogMutation(entry: entry, expectedRevision: record.revision, history: [event])
    }
}
