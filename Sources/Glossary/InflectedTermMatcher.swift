import Languages

/// Finds glossary terms in English source text for the catalog checks and exchange notes —
/// tolerant of inflection, because a check only needs to know that a term is *there*.
///
/// Whole words, the last word also with English inflections (`rooms`, `replies`, `blocked`),
/// longest terms first, a span used by one term only (so "buddy list" hides "buddy").
///
/// Its counterpart for machine translation is ``ExactTermMatcher``: protection replaces the
/// matched text, so it matches exactly what the term says. Target-side use is judged by
/// ``TargetTermCheck``.
struct InflectedTermMatcher: Sendable {
    /// A term prepared for matching: its English words (case-folded unless the term is
    /// case-sensitive).
    struct IndexedTerm: Sendable {
        var term: GlossaryTerm
        var words: [String]
    }

    /// Longest terms first, file order among equals.
    let index: [IndexedTerm]

    init(_ terms: [GlossaryTerm]) {
        index = terms.enumerated().sorted { lhs, rhs in
            lhs.element.english.count != rhs.element.english.count ? lhs.element.english.count > rhs.element.english.count : lhs.offset < rhs.offset
        }.map { _, term in
            IndexedTerm(term: term, words: term.english.split(separator: " ").map { term.caseSensitive ? String($0) : $0.lowercased() })
        }
    }

    /// The terms whose English form occurs in `source` (plain text, markup removed).
    func hits(in source: String) -> [GlossaryTerm] {
        let words = GlossaryWords.tokens(source, apostrophes: false)
        guard !words.isEmpty else { return [] }
        let folded = words.map { $0.lowercased() }
        var taken = [Bool](repeating: false, count: words.count)
        var found: [GlossaryTerm] = []
        for entry in index {
            let termWords = entry.words
            guard !termWords.isEmpty, termWords.count <= words.count else { continue }
            let candidates = entry.term.caseSensitive ? words : folded
            for start in 0...(words.count - termWords.count) {
                let span = start..<(start + termWords.count)
                guard !span.contains(where: { taken[$0] }) else { continue }
                let matches = zip(termWords.indices, span).allSatisfy { index, position in
                    Self.englishWordMatches(termWords[index], candidates[position], last: index == termWords.count - 1)
                }
                if matches {
                    for position in span { taken[position] = true }
                    found.append(entry.term)
                    break
                }
            }
        }
        return found
    }

    /// `word` is `term`, or (for the last word of a term) an English inflection of it; both
    /// already case-folded when the term is not case-sensitive.
    private static func englishWordMatches(_ t: String, _ w: String, last: Bool) -> Bool {
        if t == w { return true }
        guard last, w.count > t.count else { return false }
        for suffix in ["s", "es", "ed", "d", "ing"] where w == t + suffix { return true }
        if t.hasSuffix("y"), w == t.dropLast() + "ies" { return true }
        if t.hasSuffix("e"), w == t.dropLast() + "ing" { return true }
        return false
    }
}
