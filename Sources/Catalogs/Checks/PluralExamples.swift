import Languages

/// Representative numbers per plural category, computed once per language (ICU is asked about
/// a thousand numbers to find them).
enum PluralExamples {
    private static let known: [String: [PluralCategory: String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0.icuLocale, $0.plurals.exampleNumbers()) })

    static func of(_ rules: PluralRules) -> [PluralCategory: String] {
        known[rules.locale] ?? rules.exampleNumbers()
    }
}
