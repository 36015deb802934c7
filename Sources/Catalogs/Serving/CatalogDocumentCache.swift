import Synchronization

/// Serialized documents per (locale, namespace), valid while the namespace versions of the
/// language and of English are the ones they were built from.
final class CatalogDocumentCache: Sendable {
    private struct Entry {
        var versions: [Int]
        var document: ServedDocument
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let hitCount = Atomic<Int>(0)
    private let missCount = Atomic<Int>(0)

    func lookup(locale: String, namespace: String, versions: [Int]) -> ServedDocument? {
        let found = entries.withLock { entries -> ServedDocument? in
            guard let entry = entries["\(locale)/\(namespace)"], entry.versions == versions else { return nil }
            return entry.document
        }
        if found != nil { hitCount.add(1, ordering: .relaxed) } else { missCount.add(1, ordering: .relaxed) }
        return found
    }

    /// The last document built for (locale, namespace), whatever its versions: what is served
    /// while the store cannot be read (the UI keeps its strings; only the newest edits wait).
    func lastKnown(locale: String, namespace: String) -> ServedDocument? {
        entries.withLock { $0["\(locale)/\(namespace)"]?.document }
    }

    func store(_ document: ServedDocument, locale: String, namespace: String, versions: [Int]) {
        entries.withLock { $0["\(locale)/\(namespace)"] = Entry(versions: versions, document: document) }
    }

    /// Hits and misses so far.
    var statistics: (hits: Int, misses: Int) { (hitCount.load(ordering: .relaxed), missCount.load(ordering: .relaxed)) }
}
