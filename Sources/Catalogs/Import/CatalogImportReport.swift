/// What an import did, per language.
public struct CatalogImportReport: Sendable, Codable, Hashable {
    /// Counts for one language.
    public struct Counts: Sendable, Codable, Hashable {
        /// Values that were new to the store.
        public var added = 0
        /// Values the file changed (the store had not changed them since the last sync).
        public var updated = 0
        /// Keys gone from the English source, now obsolete.
        public var obsoleted = 0
        /// File values that conflicted with store edits, recorded as suggestion revisions.
        public var suggestions = 0
        public var unchanged = 0
        /// New source keys with no value in this language yet (served in English).
        public var untranslated = 0
        /// Translations flagged because their English source changed.
        public var needsReview = 0

        public init() {}

        var changes: Int { added + updated + obsoleted + suggestions + untranslated + needsReview }
    }

    /// Language code → counts.
    public var languages: [String: Counts] = [:]
    /// Files (i18next) or documents read.
    public var documents = 0

    public init() {}

    subscript(language: String) -> Counts {
        get { languages[language] ?? Counts() }
        set { languages[language] = newValue }
    }

    /// Whether anything changed in the store.
    public var changedAnything: Bool { languages.values.contains { $0.changes > 0 } }

    /// One line per language, in registry order.
    public var summary: String {
        let order = ["en", "es", "ru", "ar", "uk", "ga", "sw", "ha"]
        let codes = languages.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        return codes.map { code in
            let c = self[code]
            return "\(code): \(c.added) added, \(c.updated) updated, \(c.obsoleted) obsoleted, \(c.suggestions) suggestions, \(c.unchanged) unchanged, \(c.untranslated) untranslated"
                + (c.needsReview > 0 ? ", \(c.needsReview) need review (source changed)" : "")
        }.joined(separator: "\n")
    }
}
