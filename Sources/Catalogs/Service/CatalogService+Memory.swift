import Languages
import Storage

/// A translation memory match: a key of any namespace whose English source is like the one
/// being translated, with its translation in the same language.
public struct MemoryMatch: Sendable, Hashable {
    public var namespace: String
    public var key: String
    /// The English source of the match (the `other` form of a plural group).
    public var source: String
    public var translation: CatalogValue
    /// 0–100: how alike the two English sources are (100 minus the edit distance as a
    /// percentage of the longer one, letter case ignored).
    public var similarity: Int
    /// The English sources are identical.
    public var exact: Bool
}

extension CatalogService {
    /// Translations in `language` of English sources like `source`, best first: exact
    /// matches, then fuzzy ones down to `minimumSimilarity`. The key being translated
    /// (`excluding`) and keys without a value in `language` are left out.
    public func memory(
        language: Language, source: String, excluding: CatalogEntryID? = nil, minimumSimilarity: Int = 50, limit: Int = 5
    ) async throws -> [MemoryMatch] {
        guard language != .english, !source.isEmpty else { return [] }
        let records = try await store.catalogEntries(namespace: nil, language: nil).filter { !$0.obsolete }
        var english: [[String]: CatalogEntryRecord] = [:]
        for record in records where record.language == Language.english.code { english[[record.namespace, record.key]] = record }
        let wanted = Array(source.lowercased())
        var matches: [MemoryMatch] = []
        for record in records where record.language == language.code && record.id != excluding {
            guard let encoded = record.value, let value = record.decode(encoded), !value.isLiteral,
                  let sourceRecord = english[[record.namespace, record.key]], let sourceEncoded = sourceRecord.value,
                  let sourceValue = sourceRecord.decode(sourceEncoded) else { continue }
            let candidate = sourceValue.representative
            let similarity = Self.similarity(wanted, Array(candidate.lowercased()))
            guard similarity >= minimumSimilarity else { continue }
            matches.append(MemoryMatch(
                namespace: record.namespace, key: record.key, source: candidate, translation: value, similarity: similarity,
                exact: candidate == source))
        }
        matches.sort { ($0.exact ? 1 : 0, $0.similarity, $1.namespace, $1.key) > ($1.exact ? 1 : 0, $1.similarity, $0.namespace, $0.key) }
        return Array(matches.prefix(limit))
    }

    /// 100 × (1 − Levenshtein distance / length of the longer text), rounded down. When the
    /// lengths differ by more than half, the bound that difference sets (below 50) is
    /// returned without the quadratic work.
    static func similarity(_ a: [Character], _ b: [Character]) -> Int {
        let longer = max(a.count, b.count)
        guard longer > 0 else { return 100 }
        let gap = abs(a.count - b.count)
        if gap * 2 > longer || a.isEmpty || b.isEmpty { return 100 * (longer - gap) / longer }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return 100 * (longer - previous[b.count]) / longer
    }
}
