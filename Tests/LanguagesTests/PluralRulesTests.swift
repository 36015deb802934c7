import Testing
@testable import Languages

/// Expectations copied from CLDR 42's cardinal rules (shared/cldr/plurals-8.json) and checked
/// against ICU — the rules themselves come from the system ICU, not from a table in Parley.
@Suite("CLDR plural rules from ICU")
struct PluralRulesTests {
    static let numbers = [0, 1, 2, 3, 5, 7, 11, 21, 100, 101, 1_000_000]

    static let expected: [(Language, [PluralCategory], [PluralCategory])] = [
        (.english, [.one, .other], [.other, .one, .other, .other, .other, .other, .other, .other, .other, .other, .other]),
        (.spanish, [.one, .many, .other], [.other, .one, .other, .other, .other, .other, .other, .other, .other, .other, .many]),
        (.russian, [.one, .few, .many, .other], [.many, .one, .few, .few, .many, .many, .many, .one, .many, .one, .many]),
        (.ukrainian, [.one, .few, .many, .other], [.many, .one, .few, .few, .many, .many, .many, .one, .many, .one, .many]),
        (.arabic, [.zero, .one, .two, .few, .many, .other], [.zero, .one, .two, .few, .few, .few, .many, .many, .other, .other, .other]),
        (.irish, [.one, .two, .few, .many, .other], [.other, .one, .two, .few, .few, .many, .other, .other, .other, .other, .other]),
        (.swahili, [.one, .other], [.other, .one, .other, .other, .other, .other, .other, .other, .other, .other, .other]),
        (.hausa, [.one, .other], [.other, .one, .other, .other, .other, .other, .other, .other, .other, .other, .other]),
    ]

    @Test("cardinal categories and category for each sample number", arguments: 0..<8)
    func cardinal(index: Int) {
        let (language, categories, perNumber) = Self.expected[index]
        #expect(language.plurals.categories(.cardinal) == categories, "\(language)")
        for (number, category) in zip(Self.numbers, perNumber) {
            #expect(language.plurals.category(for: number) == category, "\(language.code) \(number)")
        }
    }

    @Test("decimals: visible fraction digits count")
    func decimals() {
        // 1.5 is `other` in all eight languages (fractions are never one/few/many here).
        for language in Language.allCases {
            #expect(language.plurals.category(for: "1.5") == .other, "\(language.code)")
        }
        // en/sw: one needs v = 0, so "1.0" is other; es/ha: n = 1 holds for 1.0.
        #expect(Language.english.plurals.category(for: "1.0") == .other)
        #expect(Language.swahili.plurals.category(for: "1.0") == .other)
        #expect(Language.spanish.plurals.category(for: "1.0") == .one)
        #expect(Language.hausa.plurals.category(for: "1.0") == .one)
        #expect(Language.russian.plurals.category(for: "2.5") == .other)
        #expect(Language.english.plurals.category(for: "abc") == nil)
        #expect(Language.english.plurals.category(for: "1e5") == nil)
    }

    @Test("locales beyond the eight come from ICU too")
    func otherLocales() {
        let polish = PluralRules(locale: "pl")
        #expect(polish.categories() == [.one, .few, .many, .other])
        #expect(polish.category(for: 1) == .one)
        #expect(polish.category(for: 3) == .few)
        #expect(polish.category(for: 5) == .many)
        #expect(polish.category(for: 22) == .few)
        #expect(polish.category(for: "1.5") == .other)
        let welsh = PluralRules(locale: "cy")
        #expect(welsh.categories() == [.zero, .one, .two, .few, .many, .other])
        #expect([0, 1, 2, 3, 6, 4].map { welsh.category(for: $0) } == [.zero, .one, .two, .few, .many, .other])
    }

    @Test("ordinals")
    func ordinals() {
        let english = Language.english.plurals
        #expect(english.categories(.ordinal) == [.one, .two, .few, .other])
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map { english.category(for: $0, .ordinal) }
            == [.one, .two, .few, .other, .other, .other, .other, .one, .two, .few, .one])
        #expect(Language.spanish.plurals.categories(.ordinal) == [.other])
        #expect(Language.irish.plurals.categories(.ordinal) == [.one, .other])
    }

    @Test("example numbers fall in their category")
    func examples() {
        for language in Language.allCases {
            let examples = language.plurals.exampleNumbers()
            #expect(Set(examples.keys) == Set(language.plurals.categories()), "\(language.code)")
            for (category, number) in examples {
                #expect(language.plurals.category(for: number) == category)
            }
        }
    }
}
