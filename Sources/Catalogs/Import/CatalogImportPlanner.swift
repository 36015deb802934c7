import Foundation
import Languages
import Storage

/// How an import treats what it reads.
public enum CatalogImportMode: Sendable, Hashable {
    /// An i18next tree: English is authoritative (keys gone from it become obsolete).
    case tree
    /// Exchange files (XLIFF, PO): targets merge; English sources only add keys the store
    /// lacks; nothing becomes obsolete.
    case exchange
}

/// Computes the store mutations of an import: the 3-way merge of file value, store value and
/// the value of the last sync.
///
/// Per key and language: new keys are added; when the file changed since the last sync and the
/// store did not, the file wins; when both changed (differently), the store keeps its value and
/// the file's is recorded as a `suggestion` revision; keys gone from the English source become
/// obsolete (tree imports only); new source keys get `untranslated` rows in every language.
struct CatalogImportPlanner {
    struct Incoming {
        var value: CatalogValue?
        var position: Int
        var state: CatalogEntryState
    }

    let existing: [CatalogEntryID: CatalogEntryRecord]
    let mode: CatalogImportMode
    let author: String
    let now: Date

    func plan(documents: [CatalogDocument], states: [CatalogEntryID: CatalogEntryState]) -> (mutations: [CatalogMutation], report: CatalogImportReport) {
        var report = CatalogImportReport()
        report.documents = documents.count
        var incoming: [CatalogEntryID: Incoming] = [:]
        var order: [CatalogEntryID] = []
        var sourceKeys: [[String]: (plural: Bool, literal: Bool)] = [:]  // [ns, key] → the shape of its value
        for document in documents {
            for (position, item) in document.items.enumerated() {
                let id = CatalogEntryID(namespace: document.namespace, key: item.key, language: document.language.code)
                if incoming[id] == nil { order.append(id) }
                incoming[id] = Incoming(value: item.value, position: position, state: states[id] ?? .translated)
                if document.language == .english { sourceKeys[[document.namespace, item.key]] = (item.value.isPlural, item.value.isLiteral) }
            }
        }
        var liveSource = sourceKeys
        if mode == .exchange {
            for (id, record) in existing where id.language == Language.english.code && !record.obsolete {
                liveSource[[id.namespace, id.key]] = (record.isPlural, record.isLiteral)
            }
        }
        var mutations: [CatalogMutation] = []
        for id in order {
            guard let file = incoming[id] else { continue }
            let isSourceKey = liveSource[[id.namespace, id.key]] != nil
            if let mutation = merge(id: id, file: file, record: existing[id], isSourceKey: isSourceKey, report: &report) {
                mutations.append(mutation)
            }
        }
        // Keys gone from the English source become obsolete, keys back in it live again (tree imports only).
        if mode == .tree {
            for (id, record) in existing.sorted(by: { $0.key.description < $1.key.description })
            where record.obsolete && incoming[id] == nil && sourceKeys[[id.namespace, id.key]] != nil {
                var entry = record
                entry.obsolete = false
                entry.revision += 1
                entry.updatedAt = now
                entry.updatedBy = author
                mutations.append(CatalogMutation(entry: entry, expectedRevision: record.revision, history: [
                    history(entry, kind: .import, old: record.value, new: record.value, oldState: record.state, newState: record.state,
                            note: "back in the English source"),
                ]))
                report[id.language].updated += 1
            }
            for (id, record) in existing.sorted(by: { $0.key.description < $1.key.description })
            where !record.obsolete && incoming[id] == nil && sourceKeys[[id.namespace, id.key]] == nil {
                var entry = record
                entry.obsolete = true
                entry.revision += 1
                entry.updatedAt = now
                entry.updatedBy = author
                mutations.append(CatalogMutation(entry: entry, expectedRevision: record.revision, history: [
                    history(entry, kind: .obsolete, old: record.value, new: record.value, oldState: record.state, newState: record.state,
                            note: "gone from the English source"),
                ]))
                report[id.language].obsoleted += 1
            }
        }
        // A changed English value flags the key's translations (same revision, no history):
        // they stay served until someone saves or reviews them.
        let changedSources = mutations.compactMap { mutation -> [String]? in
            let entry = mutation.entry
            guard entry.language == Language.english.code, !entry.obsolete,
                  let before = existing[entry.id]?.value, before != entry.value else { return nil }
            return [entry.namespace, entry.key]
        }
        let touched = Set(mutations.map(\.entry.id))
        for key in changedSources {
            for language in Language.allCases where language != .english {
                let id = CatalogEntryID(namespace: key[0], key: key[1], language: language.code)
                guard !touched.contains(id), var record = existing[id], record.value != nil, !record.obsolete, !record.needsReview else { continue }
                record.needsReview = true
                mutations.append(CatalogMutation(entry: record, expectedRevision: record.revision, history: [], touchesDocument: false))
                report[id.language].needsReview += 1
            }
        }
        // New source keys get untranslated rows in every other language.
        let planned = Set(mutations.map(\.entry.id))
        for (key, shape) in liveSource.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            for language in Language.allCases where language != .english {
                let id = CatalogEntryID(namespace: key[0], key: key[1], language: language.code)
                guard existing[id] == nil, incoming[id] == nil, !planned.contains(id) else { continue }
                let entry = CatalogEntryRecord(
                    namespace: id.namespace, key: id.key, language: id.language, position: nil, isPlural: shape.plural, value: nil,
                    state: .untranslated, revision: 1, updatedAt: now, updatedBy: author, isLiteral: shape.literal)
                mutations.append(CatalogMutation(entry: entry, expectedRevision: nil, history: [
                    history(entry, kind: .import, old: nil, new: nil, oldState: nil, newState: .untranslated, note: "new source key"),
                ]))
                report[id.language].untranslated += 1
            }
        }
        return (mutations, report)
    }

    private func merge(id: CatalogEntryID, file: Incoming, record: CatalogEntryRecord?, isSourceKey: Bool, report: inout CatalogImportReport) -> CatalogMutation? {
        let isEnglish = id.language == Language.english.code
        guard let fileValue = file.value else {
            report[id.language].unchanged += 1
            return nil
        }
        let encoded = fileValue.encoded
        guard let record else {
            let entry = CatalogEntryRecord(
                namespace: id.namespace, key: id.key, language: id.language, position: file.position, isPlural: fileValue.isPlural,
                value: encoded, state: isEnglish ? .translated : file.state, revision: 1, obsolete: !isSourceKey, synced: encoded,
                updatedAt: now, updatedBy: author, isLiteral: fileValue.isLiteral)
            report[id.language].added += 1
            return CatalogMutation(entry: entry, expectedRevision: nil, history: [
                history(entry, kind: .import, old: nil, new: encoded, oldState: nil, newState: entry.state, note: isSourceKey ? nil : "not in the English source"),
            ])
        }
        if mode == .tree && !isSourceKey {
            // A translation of a key the English source no longer has.
            guard !record.obsolete else {
                report[id.language].unchanged += 1
                return nil
            }
            var entry = record
            entry.obsolete = true
            entry.revision += 1
            entry.updatedAt = now
            entry.updatedBy = author
            report[id.language].obsoleted += 1
            return CatalogMutation(entry: entry, expectedRevision: record.revision, history: [
                history(entry, kind: .obsolete, old: record.value, new: record.value, oldState: record.state, newState: record.state,
                        note: "gone from the English source"),
            ])
        }
        var entry = record
        var events: [CatalogRevisionRecord] = []
        var touches = false
        if mode == .exchange, isEnglish, record.value != nil, !record.obsolete {
            // Exchange files never change the English source of a key the store has.
            report[id.language].unchanged += 1
            return nil
        }
        if record.obsolete && isSourceKey {
            entry.obsolete = false
            touches = true
        }
        if entry.position != file.position && (mode == .tree || record.position == nil) {
            entry.position = file.position
            touches = true
        }
        let storeValue = record.value
        let baseline = record.synced
        var outcome = "unchanged"
        if encoded == storeValue {
            // Converged (or untouched): keep the store's state unless an exchange file changes it.
            if mode == .exchange, !isEnglish, file.state != record.state, storeValue == baseline || baseline == nil {
                entry.state = file.state
                entry.revision += 1
                events.append(history(entry, kind: file.state == .reviewed ? .review : .import, old: storeValue, new: encoded,
                                      oldState: record.state, newState: file.state))
                outcome = "updated"
                touches = true
            }
            entry.synced = encoded
        } else if encoded == baseline {
            // The file did not change since the last sync; the store did (or has no value): keep the store.
        } else if storeValue == baseline || storeValue == nil {
            // Only the file changed: take it.
            entry.value = encoded
            entry.isPlural = fileValue.isPlural
            entry.isLiteral = fileValue.isLiteral
            entry.state = isEnglish ? .translated : file.state
            entry.synced = encoded
            entry.revision += 1
            entry.findings = nil
            events.append(history(entry, kind: .import, old: storeValue, new: encoded, oldState: record.state, newState: entry.state))
            outcome = storeValue == nil ? "added" : "updated"
            touches = true
        } else {
            // Both changed: the store keeps its value; the file's is a suggestion.
            entry.synced = encoded
            events.append(history(entry, kind: .suggestion, old: storeValue, new: encoded, oldState: record.state, newState: record.state,
                                  note: "file value differs from a store edit made since the last sync"))
            outcome = "suggestion"
        }
        if record.obsolete && isSourceKey && events.isEmpty {
            entry.revision += 1
            events.append(history(entry, kind: .import, old: storeValue, new: entry.value, oldState: record.state, newState: entry.state,
                                  note: "back in the English source"))
        }
        switch outcome {
        case "added": report[id.language].added += 1
        case "updated": report[id.language].updated += 1
        case "suggestion": report[id.language].suggestions += 1
        default: report[id.language].unchanged += 1
        }
        guard entry != record else { return nil }
        entry.updatedAt = touches || !events.isEmpty ? now : record.updatedAt
        entry.updatedBy = touches || !events.isEmpty ? author : record.updatedBy
        return CatalogMutation(entry: entry, expectedRevision: record.revision, history: events, touchesDocument: touches)
    }

    private func history(
        _ entry: CatalogEntryRecord, kind: CatalogRevisionKind, old: String?, new: String?, oldState: CatalogEntryState?,
        newState: CatalogEntryState?, note: String? = nil
    ) -> CatalogRevisionRecord {
        CatalogRevisionRecord(
            namespace: entry.namespace, key: entry.key, language: entry.language, revision: entry.revision, kind: kind, author: author,
            at: now, oldValue: old, newValue: new, oldState: oldState, newState: newState, note: note)
    }
}
