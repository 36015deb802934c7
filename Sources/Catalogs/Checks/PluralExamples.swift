import Languages

/// Representative numbers per plural category, computed once per language (ICU is asked about
/// a thousand numbers to find them), and which categories stand for one number only.
enum PluralExamples {
    private static let known: [String: [PluralCategory: String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0.icuLocale, $0.plurals.exampleNumbers()) })

    private static let exact: [String: Set<PluralCategory>] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0.icuLocale, exactCategories($0.plurals)) })

    static func of(_ rules: PluralRules) -> [PluralCategory: String] {
        known[rules.locale] ?? rules.exampleNumbers()
    }

    /// Whether `category` of `rules` holds a single number (Arabic `zero` 0, `one` 1, `two` 2;
    /// Spanish and Swahili `one` 1 — but not Russian `one`: 1, 21, 31 …). Such a form may say
    /// the number in words instead of `{{count}}`, as Weblate's placeholder check allows.
    static func isExact(_ category: PluralCategory, of rules: PluralRules) -> Bool {
        (exact[rules.locale] ?? exactCategories(rules)).contains(category)
    }

    private static func exactCategories(_ rules: PluralRules) -> Set<PluralCategory> {
        var integers: [PluralCategory: Int] = [:]
        for number in 0...1_000 { integers[rules.category(for: number), default: 0] += 1 }
        // A fraction in the category means it is not one number ("1.5 участника" is `other`).
        let fractions = Set(["0.5", "1.5", "2.5", "3.5", "10.5", "100.5"].compactMap { rules.category(for: $0) })
        return Set(integers.filter { $0.value == 1 && !fractions.contains($0.key) }.keys)
    }
}
