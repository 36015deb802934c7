import Languages
import Storage

/// Builds documents and exchange units of one namespace and language from stored entries.
enum CatalogAssembler {
    /// Keys in the language's own file order; keys it never had a position for are placed
    /// after the key that precedes them in English.
    static func orderedKeys(english: [CatalogEntryRecord], target: [CatalogEntryRecord]) -> [String] {
        let live = english.filter { !$0.obsolete }.sorted(by: positionOrder)
        let englishKeys = Set(live.map(\.key))
        var keys = target.filter { !$0.obsolete && $0.position != nil && englishKeys.contains($0.key) }.sorted(by: positionOrder).map(\.key)
        var placed = Set(keys)
        var cursor = -1
        for record in live {
            if let index = keys.firstIndex(of: record.key) {
                cursor = index
            } else if !placed.contains(record.key) {
                keys.insert(record.key, at: cursor + 1)
                placed.insert(record.key)
                cursor += 1
            }
        }
        return keys
    }

    private static func positionOrder(_ lhs: CatalogEntryRecord, _ rhs: CatalogEntryRecord) -> Bool {
        switch (lhs.position, rhs.position) {
        case let (l?, r?): return l != r ? l < r : lhs.key < rhs.key
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.key < rhs.key
        }
    }

    /// The document of `language`: served values, and — when `fallback` — the English value
    /// (plural forms mapped to the language's categories) for keys without one.
    static func document(language: Language, namespace: String, english: [CatalogEntryRecord], target: [CatalogEntryRecord], fallback: Bool) -> CatalogDocument {
        let sources = Dictionary(english.filter { !$0.obsolete }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let values = Dictionary(target.filter { !$0.obsolete }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [CatalogItem] = []
        let rules = language.plurals, englishRules = Language.english.plurals
        let categories = rules.categories(.cardinal)
        for key in orderedKeys(english: english, target: language == .english ? english : target) {
            if let record = values[key], record.state.isServed, let encoded = record.value,
               let value = record.decode(encoded) {
                items.append(CatalogItem(key: key, value: value))
            } else if fallback, let source = sources[key]?.value, let sourceRecord = sources[key],
                      let value = sourceRecord.decode(source) {
                items.append(CatalogItem(key: key, value: value.adapted(to: categories, language: rules, sourceRules: englishRules)))
            }
        }
        return CatalogDocument(language: language, namespace: namespace, items: items)
    }

    /// Exchange units of `language` in its file order.
    static func units(language: Language, english: [CatalogEntryRecord], target: [CatalogEntryRecord]) -> [CatalogUnit] {
        let sources = Dictionary(english.filter { !$0.obsolete }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let values = Dictionary(target.filter { !$0.obsolete }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return orderedKeys(english: english, target: target).compactMap { key in
            guard let sourceRecord = sources[key], let encoded = sourceRecord.value,
                  let source = sourceRecord.decode(encoded) else { return nil }
            let record = values[key]
            let value = record?.value.flatMap { record?.decode($0) }
            return CatalogUnit(key: key, source: source, value: value, state: value == nil ? .untranslated : record?.state ?? .untranslated)
        }
    }
}
