import Glossary
import Foundation
import Hashing
import Languages
import Storage

/// The catalogs as the server and CLI use them: import and export of the i18next tree and of
/// XLIFF/PO, serving documents (cached per version), QA, and single-entry reads and writes with
/// revisions and history.
///
/// ```swift
/// let catalogs = CatalogService(store: store, glossary: try Glossary.load(directory: "Glossaries"))
/// if let report = try await catalogs.importIfEmpty(from: "Catalogs") { print(report.summary) }
/// let document = try await catalogs.document(locale: .language(.arabic), namespace: "rooms")
/// ```
public final class CatalogService: Sendable {
    public let store: any CatalogStore
    public let linter: CatalogLinter
    let cache = CatalogDocumentCache()
    let findingsMemo = CatalogFindingsMemo()

    public init(store: any CatalogStore, glossary: Glossary? = nil) {
        self.store = store
        self.linter = CatalogLinter(glossary: glossary)
    }

    /// The glossary the QA checks use.
    public var glossary: Glossary? { linter.glossary }

    /// Document cache hits and misses since start.
    public var cacheStatistics: (hits: Int, misses: Int) { cache.statistics }

    // MARK: Import

    /// Imports `directory` when the store holds no catalog yet (first start); `nil` otherwise.
    public func importIfEmpty(from directory: String, author: String = "import") async throws -> CatalogImportReport? {
        guard try await store.catalogIsEmpty() else { return nil }
        return try await importTree(from: directory, author: author)
    }

    /// Reads the whole i18next tree (refusing it, untouched store, on the first bad file) and
    /// merges it into the store in one transaction.
    public func importTree(from directory: String, author: String = "import") async throws -> CatalogImportReport {
        let documents = try CatalogTree.documents(at: directory)
        guard documents.contains(where: { $0.language == .english }) else {
            throw CatalogError.missingSource("\(directory) has no English source catalogs (\(directory)/en/*.json)")
        }
        return try await importDocuments(documents, mode: .tree, author: author)
    }

    /// Merges documents into the store in one transaction (retrying when an edit lands between
    /// reading and writing). `states` gives the state of incoming values (default `translated`).
    public func importDocuments(
        _ documents: [CatalogDocument], states: [CatalogEntryID: CatalogEntryState] = [:], mode: CatalogImportMode,
        author: String = "import"
    ) async throws -> CatalogImportReport {
        for document in documents {
            try CatalogNames.validateNamespace(document.namespace)
            for item in document.items {
                do {
                    try CatalogNames.validateKey(item.key)
                } catch {
                    throw CatalogError.malformedFile(file: document.fileName, keyPath: item.key, reason: error.description)
                }
            }
        }
        var attempts = 0
        while true {
            let records = try await store.catalogEntries(namespace: nil, language: nil)
            let existing = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let planner = CatalogImportPlanner(existing: existing, mode: mode, author: author, now: Date())
            let (mutations, report) = planner.plan(documents: documents, states: states)
            do {
                try await store.applyCatalogMutations(mutations)
                return report
            } catch let conflict as CatalogConflictError {
                attempts += 1
                if attempts >= 3 { throw CatalogError.invalidRequest("import kept colliding with edits: \(conflict)") }
            }
        }
    }

    // MARK: Export

    /// Writes the i18next tree from the store (served values, no English fallback, obsolete keys
    /// left out) and, when `markSynced`, records the written values as the last sync.
    @discardableResult
    public func exportTree(to directory: String, languages: [Language]? = nil, markSynced: Bool = true) async throws -> [String] {
        let records = try await store.catalogEntries(namespace: nil, language: nil)
        let documents = Self.documents(from: records, languages: languages ?? Language.allCases, fallback: false)
        let written = try CatalogTree.write(documents, to: directory)
        if markSynced {
            var mutations: [CatalogMutation] = []
            let wanted = Set((languages ?? Language.allCases).map(\.code))
            for record in records where wanted.contains(record.language) && !record.obsolete && record.state.isServed
                && record.value != nil && record.synced != record.value {
                var entry = record
                entry.synced = record.value
                mutations.append(CatalogMutation(entry: entry, expectedRevision: record.revision, history: [], touchesDocument: false))
            }
            try? await store.applyCatalogMutations(mutations)
        }
        return written
    }

    /// The documents of `languages` (English first), namespaces by name.
    static func documents(from records: [CatalogEntryRecord], languages: [Language], fallback: Bool) -> [CatalogDocument] {
        let byNamespace = Dictionary(grouping: records, by: \.namespace)
        var documents: [CatalogDocument] = []
        for language in Language.allCases where languages.contains(language) {
            for namespace in byNamespace.keys.sorted() {
                let entries = byNamespace[namespace] ?? []
                let english = entries.filter { $0.language == Language.english.code }
                guard english.contains(where: { !$0.obsolete }) else { continue }
                let target = entries.filter { $0.language == language.code }
                let document = CatalogAssembler.document(language: language, namespace: namespace, english: english, target: target, fallback: fallback)
                if !document.items.isEmpty || language == .english { documents.append(document) }
            }
        }
        return documents
    }

    /// Exchange units of one language: namespace → units in file order.
    public func units(language: Language) async throws -> [(namespace: String, units: [CatalogUnit])] {
        let records = try await store.catalogEntries(namespace: nil, language: nil)
        let byNamespace = Dictionary(grouping: records, by: \.namespace)
        return byNamespace.keys.sorted().compactMap { namespace in
            let entries = byNamespace[namespace] ?? []
            let english = entries.filter { $0.language == Language.english.code }
            guard english.contains(where: { !$0.obsolete }) else { return nil }
            let units = CatalogAssembler.units(language: language, english: english, target: entries.filter { $0.language == language.code })
            return (namespace, units)
        }
    }

    // MARK: Serving

    /// The namespaces served (those with live English keys), by name.
    public func namespaces() async throws -> [String] {
        let english = try await store.catalogEntries(namespace: nil, language: Language.english.code)
        return Set(english.filter { !$0.obsolete }.map(\.namespace)).sorted()
    }

    /// The document for a real language without catalogs here (see
    /// ``CatalogLocale/uncataloguedLanguage(_:)``): `{}` for a namespace that exists, so that
    /// i18next takes every key from its fallback language (English) — no error, no retry.
    /// - Throws: ``CatalogError/notFound(_:)`` for an unknown namespace.
    public func emptyDocument(language code: String, namespace: String) async throws -> ServedDocument {
        guard CatalogNames.isValidNamespace(namespace),
              (try await store.catalogVersions(namespace: namespace))[Language.english.code] ?? 0 > 0 else {
            throw CatalogError.notFound("no namespace '\(namespace)'")
        }
        let bytes = Array("{}\n".utf8)
        return ServedDocument(bytes: bytes, etag: "\"\(Digest.sha256Hex(bytes).prefix(32))\"", locale: code)
    }

    /// The document `GET /locales/{lng}/{ns}.json` serves, from the cache while the namespace
    /// versions of the language and of English are unchanged (read from the store on every
    /// call, so an edit made by another instance is served at once). While the store cannot
    /// be read, the last document built is served.
    /// - Throws: ``CatalogError/notFound(_:)`` for an unknown namespace.
    public func document(locale: CatalogLocale, namespace: String) async throws -> ServedDocument {
        guard CatalogNames.isValidNamespace(namespace) else { throw CatalogError.notFound("no namespace '\(namespace)'") }
        let versions: [String: Int]
        do {
            versions = try await store.catalogVersions(namespace: namespace)
        } catch let error as StoreError {
            // Degraded: the store is down; the last document built is better than no UI strings.
            if let known = cache.lastKnown(locale: locale.code, namespace: namespace) { return known }
            throw error
        }
        let english = versions[Language.english.code] ?? 0
        guard english > 0 else { throw CatalogError.notFound("no namespace '\(namespace)'") }
        let key: [Int]
        switch locale {
        case .language(let language): key = [english, versions[language.code] ?? 0]
        case .pseudo: key = [english]
        }
        if let cached = cache.lookup(locale: locale.code, namespace: namespace, versions: key) { return cached }
        let records = try await store.catalogEntries(namespace: namespace, language: nil)
        let englishRecords = records.filter { $0.language == Language.english.code }
        guard englishRecords.contains(where: { !$0.obsolete }) else { throw CatalogError.notFound("no namespace '\(namespace)'") }
        let document: CatalogDocument
        switch locale {
        case .language(let language):
            document = CatalogAssembler.document(
                language: language, namespace: namespace, english: englishRecords,
                target: records.filter { $0.language == language.code }, fallback: true)
        case .pseudo(let pseudo):
            let source = CatalogAssembler.document(language: pseudo.pluralLanguage, namespace: namespace, english: englishRecords, target: [], fallback: true)
            document = CatalogDocument(language: pseudo.pluralLanguage, namespace: namespace, items: source.items.map { item in
                switch item.value {
                case .text(let text): CatalogItem(key: item.key, value: .text(pseudo.transform(text)))
                case .plural(let forms): CatalogItem(key: item.key, value: .plural(forms.map { PluralForm($0.category, pseudo.transform($0.text)) }))
                case .literal: item
                }
            })
        }
        let bytes = document.serialized()
        let served = ServedDocument(bytes: bytes, etag: "\"\(Digest.sha256Hex(bytes).prefix(32))\"", locale: locale.code)
        cache.store(served, locale: locale.code, namespace: namespace, versions: key)
        return served
    }
}
