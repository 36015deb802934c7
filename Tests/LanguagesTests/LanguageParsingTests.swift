import Testing
@testable import Languages

@Suite("Language parsing")
struct LanguageParsingTests {
    @Test("accepts what real clients send", arguments: [
        ("en", Language.english), ("EN", .english), ("en-US", .english), ("en_US", .english), ("En-gb", .english),
        ("es", .spanish), ("es-419", .spanish), ("ru", .russian), ("ru-RU", .russian),
        ("ar", .arabic), ("ar-EG", .arabic), ("AR-sa", .arabic), ("uk", .ukrainian), ("uk-UA", .ukrainian),
        ("ga", .irish), ("ga-IE", .irish), ("sw", .swahili), ("sw-KE", .swahili), ("ha", .hausa), ("ha-NG", .hausa),
        ("eng_Latn", .english), ("spa_Latn", .spanish), ("rus_Cyrl", .russian), ("arb_Arab", .arabic),
        ("ukr_Cyrl", .ukrainian), ("gle_Latn", .irish), ("swh_Latn", .swahili), ("hau_Latn", .hausa),
        ("  es ", .spanish), ("sw-Latn-KE", .swahili),
    ])
    func accepts(input: String, expected: Language) throws {
        #expect(try Language(parsing: input) == expected)
    }

    @Test("refuses unsupported languages and names the supported codes", arguments: ["pt-BR", "de", "fr-FR", "zh", "ara_Arab", "swa_Latn", "deu_Latn", "pt"])
    func refusesUnsupported(input: String) {
        #expect(throws: LanguageParsingError.unsupported(input)) { try Language(parsing: input) }
        let message = LanguageParsingError.unsupported(input).description
        #expect(message.contains("en, es, ru, ar, uk, ga, sw, ha"))
    }

    @Test("refuses malformed input", arguments: ["e", "english!", "en--US", "12", "en-", "-en", "e n", "en-ABCDEFGHIJ", "ру"])
    func refusesMalformed(input: String) {
        #expect(throws: LanguageParsingError.malformed(input)) { try Language(parsing: input) }
    }

    @Test func refusesEmpty() {
        #expect(throws: LanguageParsingError.empty) { try Language(parsing: "") }
        #expect(throws: LanguageParsingError.empty) { try Language(parsing: "   ") }
    }

    @Test func registryFacts() {
        #expect(Language.allCases.map(\.code) == ["en", "es", "ru", "ar", "uk", "ga", "sw", "ha"])
        #expect(Language.arabic.direction == .rightToLeft)
        #expect(Language.allCases.filter { $0.direction == .rightToLeft } == [.arabic])
        #expect(Language.allCases.map(\.nllbCode) == ["eng_Latn", "spa_Latn", "rus_Cyrl", "arb_Arab", "ukr_Cyrl", "gle_Latn", "swh_Latn", "hau_Latn"])
        #expect(Language.russian.script == "Cyrl" && Language.arabic.script == "Arab" && Language.hausa.script == "Latn")
        #expect(Language.arabic.autonym == "العربية")
    }
}
