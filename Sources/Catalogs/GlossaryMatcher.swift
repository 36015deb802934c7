import Languages

/// Finds glossary terms in English source text and decides whether a translation uses them.
///
/// Source side: whole words, the last word also with English inflections (`rooms`, `replies`,
/// `blocked`), longest terms first, a span used by one term only (so "buddy list" hides "buddy").
///
/// Target side (glossary checks are warnings): case-insensitive; a word of the term counts as
/// used when a word of the translation shares a prefix of at least 70 % of its letters, or —
/// in inflecting languages — starts with the term word minus its last one or two letters.
/// Arabic proclitics (`ال`, `و`, `ب`, `ل`, …), Irish initial mutations (`bhall`, `mball`) and
/// Swahili noun-class prefixes (`chumba` → `vyumba`) are undone before comparing.
enum GlossaryMatcher {
    static let inflecting: Set<Language> = [.russian, .ukrainian, .arabic, .irish, .swahili, .hausa, .spanish]

    /// A term prepared for source matching: its English words (case-folded unless the term is
    /// case-sensitive), longest terms first.
    struct IndexedTerm: Sendable {
        var term: GlossaryTerm
        var words: [String]
    }

    static func index(_ terms: [GlossaryTerm]) -> [IndexedTerm] {
        terms.enumerated().sorted { lhs, rhs in
            lhs.element.english.count != rhs.element.english.count ? lhs.element.english.count > rhs.element.english.count : lhs.offset < rhs.offset
        }.map { _, term in
            IndexedTerm(term: term, words: term.english.split(separator: " ").map { term.caseSensitive ? String($0) : $0.lowercased() })
        }
    }

    /// The terms whose English form occurs in `source` (plain text, markup removed).
    static func hits(in source: String, index: [IndexedTerm]) -> [GlossaryTerm] {
        let words = tokens(source, apostrophes: false)
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
                    englishWordMatches(termWords[index], candidates[position], last: index == termWords.count - 1)
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

    /// Whether `target` (plain text) uses `term` of `language`.
    static func uses(_ term: String, in target: String, language: Language) -> Bool {
        let folded = target.lowercased()
        if folded.contains(term.lowercased()) { return true }
        let candidates = tokens(folded).map { variants(of: $0, language: language) }
        return term.lowercased().split(separator: " ").allSatisfy { termWord in
            let termForms = variants(of: String(termWord), language: language)
            return candidates.contains { tokenForms in
                tokenForms.contains { token in termForms.contains { wordMatches($0, token, language: language) } }
            }
        }
    }

    private static func wordMatches(_ term: String, _ token: String, language: Language) -> Bool {
        let t = Array(term), w = Array(token)
        guard !t.isEmpty, !w.isEmpty else { return false }
        var shared = 0
        while shared < min(t.count, w.count), t[shared] == w[shared] { shared += 1 }
        if shared == t.count { return true }
        let needed = max(2, Int((Double(t.count) * 0.7).rounded(.up)))
        if shared >= needed { return true }
        if inflecting.contains(language) {
            for cut in 1...2 where t.count - cut >= 3 && shared >= t.count - cut { return true }
        }
        if language == .swahili {
            for cut in 1...3 where t.count - cut >= 3 && token.hasSuffix(String(t.dropFirst(cut))) { return true }
        }
        return false
    }

    /// The word and its forms with grammatical prefixes undone.
    private static func variants(of word: String, language: Language) -> [String] {
        var forms = [word]
        switch language {
        case .arabic:
            for prefix in ["وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"] where word.hasPrefix(prefix) && word.count - prefix.count >= 2 {
                let rest = String(word.dropFirst(prefix.count))
                forms.append(rest)
                if prefix == "لل" { forms.append("ال" + rest) }
            }
        case .irish:
            let scalars = Array(word)
            let eclipses = ["bhf": "f", "mb": "b", "gc": "c", "nd": "d", "ng": "g", "bp": "p", "dt": "t", "n-": "", "t-": "", "h-": ""]
            for (prefix, replacement) in eclipses where word.hasPrefix(prefix) && word.count > prefix.count + 1 {
                forms.append(replacement + word.dropFirst(prefix.count))
            }
            if scalars.count > 2, scalars[1] == "h", "bcdfgmpst".contains(scalars[0]) {
                forms.append(String(scalars[0]) + String(scalars[2...]))
            }
            if scalars.count > 2, scalars[0] == "h" || scalars[0] == "n" || scalars[0] == "t", "aeiouáéíóú".contains(scalars[1]) {
                forms.append(String(scalars[1...]))
            }
        default:
            break
        }
        return forms
    }

    /// Words: runs of letters, digits, marks, `_`, `-` and (for Hausa `Al'umma`) `'`.
    static func tokens(_ text: String, apostrophes: Bool = true) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "_" || scalar == "-" || (apostrophes && scalar == "'")
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.map { $0.trimming("'-") }.filter { !$0.isEmpty }
    }
}

extension Glossary {
    /// The glossary terms that occur in an English source text (markup removed first).
    public func hits(inSource source: String) -> [GlossaryTerm] {
        GlossaryMatcher.hits(in: CatalogTokens.plainText(source), index: index)
    }
}
