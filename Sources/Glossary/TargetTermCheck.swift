import Languages

/// Decides whether a translation uses a glossary term — inflection-tolerant, because the
/// catalog check that asks is a warning and a correct translation declines its nouns.
///
/// Case-insensitive; a word of the term counts as used when a word of the translation shares a
/// prefix of at least 70 % of its letters, or — in inflecting languages — starts with the term
/// word minus its last one or two letters. Arabic proclitics (`ال`, `و`, `ب`, `ل`, …), Irish
/// initial mutations (`bhall`, `mball`) and Swahili noun-class prefixes (`chumba` → `vyumba`)
/// are undone before comparing.
///
/// ```swift
/// TargetTermCheck.uses("комната", in: "Войти в комнату", language: .russian)   // true
/// ```
public enum TargetTermCheck {
    static let inflecting: Set<Language> = [.russian, .ukrainian, .arabic, .irish, .swahili, .hausa, .spanish]

    /// Whether `target` (plain text) uses `term` of `language`.
    public static func uses(_ term: String, in target: String, language: Language) -> Bool {
        let folded = target.lowercased()
        if folded.contains(term.lowercased()) { return true }
        let candidates = GlossaryWords.tokens(folded).map { variants(of: $0, language: language) }
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
}
