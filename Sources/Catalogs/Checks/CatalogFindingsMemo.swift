import Languages
import Synchronization

/// Remembers the QA findings of values already checked, so listing a namespace does not lint
/// every key again on each request.
///
/// The checks are a pure function of the language, the key, the English source, the value
/// and the glossary; the glossary is fixed for a ``CatalogLinter``, so the other five are the
/// memo's key and an answer can never be stale: a changed source or value is a different key.
/// The memo holds at most `capacity` answers and starts afresh when full (a whole catalog set
/// is a few thousand values; the bound only stops unbounded growth from many edits).
final class CatalogFindingsMemo: Sendable {
    struct Key: Hashable, Sendable {
        let language: Language
        let namespace: String
        let key: String
        let source: CatalogValue?
        let target: CatalogValue
    }

    private let answers = Mutex<[Key: [CatalogFinding]]>([:])
    private let capacity: Int

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The findings for `key`, computed by `check` the first time.
    func findings(for key: Key, check: () -> [CatalogFinding]) -> [CatalogFinding] {
        if let known = answers.withLock({ $0[key] }) { return known }
        let computed = check()
        answers.withLock { answers in
            if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            answers[key] = computed
        }
        return computed
    }
}
