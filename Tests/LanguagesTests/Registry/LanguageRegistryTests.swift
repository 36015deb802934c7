import Testing
@testable import Languages

/// The open registry: every FLORES-200 variety with CLDR's codes and ICU's names, and the
/// lenient parsing that maps what clients send onto the closest variety.
@Suite("Language registry")
struct LanguageRegistryTests {
    let registry = LanguageRegistry.shared

    @Test func everyFLORES200VarietyIsKnownOnceWithItsOwnCode() {
        #expect(registry.varieties.count == 204)
        #expect(Set(registry.varieties.map(\.floresCode)).count == 204)
        let codes = registry.varieties.map(\.code)
        #expect(Set(codes).count == codes.count, "shared codes: \(Dictionary(grouping: codes, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
        // The eight come first, as Language orders them, and are the only UI varieties.
        #expect(registry.varieties.prefix(8).compactMap(\.uiLanguage) == Language.allCases)
        #expect(registry.varieties.dropFirst(8).allSatisfy { !$0.isUILanguage })
        for variety in registry.varieties {
            #expect(!variety.englishName.isEmpty && variety.englishName != variety.code, "\(variety.floresCode) has no English name")
            #expect(!variety.autonym.isEmpty, "\(variety.floresCode) has no autonym")
            #expect(variety.floresCode.hasSuffix("_" + variety.script))
        }
    }

    @Test(arguments: [
        // CLDR's shortest code, the script only where it is not the language's usual one.
        ("fra_Latn", "fr"), ("deu_Latn", "de"), ("pes_Arab", "fa"), ("prs_Arab", "fa-AF"), ("zho_Hans", "zh"),
        ("zho_Hant", "zh-Hant"), ("yue_Hant", "yue"), ("kas_Arab", "ks"), ("kas_Deva", "ks-Deva"),
        ("arb_Latn", "ar-Latn"), ("kor_Hang", "ko"), ("jpn_Jpan", "ja"), ("zsm_Latn", "ms"), ("tgl_Latn", "fil"),
        ("npi_Deva", "ne"), ("khk_Cyrl", "mn"), ("twi_Latn", "tw"), ("aka_Latn", "ak"), ("taq_Tfng", "taq-Tfng"),
        ("acm_Arab", "acm"), ("arz_Arab", "arz"), ("swh_Latn", "sw"), ("arb_Arab", "ar"),
    ])
    func varietiesCarryTheCodesCLDRGives(_ flores: String, _ code: String) throws {
        let variety = try #require(registry.variety(flores: flores))
        #expect(variety.code == code)
        #expect(registry.variety(code: code) == variety)
    }

    @Test func namesScriptsAndDirectionsComeFromICU() throws {
        let french = try #require(registry.variety(flores: "fra_Latn"))
        #expect(french.englishName == "French" && french.autonym == "français" && french.direction == .leftToRight)
        let persian = try #require(registry.variety(flores: "pes_Arab"))
        #expect(persian.englishName == "Persian" && persian.autonym == "فارسی" && persian.direction == .rightToLeft)
        let hebrew = try #require(registry.variety(flores: "heb_Hebr"))
        #expect(hebrew.direction == .rightToLeft)
        let traditional = try #require(registry.variety(flores: "zho_Hant"))
        #expect(traditional.englishName == "Chinese (Traditional)")
        // ICU has no name for Ayacucho Quechua; FLORES-200's is used.
        #expect(registry.variety(flores: "quy_Latn")?.englishName == "Ayacucho Quechua")
        #expect(registry.variety(flores: "taq_Tfng")?.englishName == "Tamasheq (Tifinagh)")
        #expect(registry.variety(flores: "arb_Latn")?.direction == .leftToRight)
    }

    @Test(arguments: [
        ("fr", "fra_Latn"), ("FR", "fra_Latn"), ("fr-CA", "fra_Latn"), ("fr_CA", "fra_Latn"), (" fr ", "fra_Latn"),
        ("fra", "fra_Latn"), ("fra_Latn", "fra_Latn"), ("FRA-latn", "fra_Latn"),
        ("pt-BR", "por_Latn"), ("pt-PT", "por_Latn"), ("pb", "por_Latn"),
        ("zh", "zho_Hans"), ("zh-CN", "zho_Hans"), ("zh-Hans", "zho_Hans"), ("zh-Hant", "zho_Hant"),
        ("zh-TW", "zho_Hant"), ("zh-HK", "zho_Hant"), ("zh-Hant-TW", "zho_Hant"), ("zt", "zho_Hant"),
        ("fa", "pes_Arab"), ("fa-IR", "pes_Arab"), ("fa-AF", "prs_Arab"), ("prs", "prs_Arab"), ("pes", "pes_Arab"),
        ("ar", "arb_Arab"), ("ar-EG", "arb_Arab"), ("ar-Latn", "arb_Latn"), ("arb", "arb_Arab"), ("arz", "arz_Arab"),
        ("ks", "kas_Arab"), ("ks-Deva", "kas_Deva"), ("ks-IN", "kas_Arab"),
        ("iw", "heb_Hebr"), ("he-IL", "heb_Hebr"), ("tl", "tgl_Latn"), ("in", "ind_Latn"), ("ji", "ydd_Hebr"),
        ("ko-KR", "kor_Hang"), ("ja-JP", "jpn_Jpan"), ("sr-Latn", "srp_Cyrl"), ("no", "nob_Latn"), ("nb-NO", "nob_Latn"),
        ("ps", "pbt_Arab"), ("qu", "quy_Latn"), ("twi", "twi_Latn"), ("tw", "twi_Latn"), ("ak", "aka_Latn"),
        ("en-US", "eng_Latn"), ("uk", "ukr_Cyrl"), ("sw-KE", "swh_Latn"), ("swh", "swh_Latn"),
    ])
    func whatClientsSendMapsToTheClosestVariety(_ input: String, _ flores: String) throws {
        #expect(try registry.variety(parsing: input).floresCode == flores)
    }

    @Test func theEightAreTheirLanguages() throws {
        for language in Language.allCases {
            let variety = try registry.variety(parsing: language.code)
            #expect(variety.uiLanguage == language && variety == registry.variety(for: language))
            #expect(variety.libreTranslateCode == language.libreTranslateCode)
            #expect(try registry.variety(parsing: language.nllbCode) == variety)
        }
    }

    @Test func libreTranslateCodes() throws {
        #expect(try registry.variety(parsing: "zh-Hant").libreTranslateCode == "zt")
        #expect(try registry.variety(parsing: "zh").libreTranslateCode == "zh")
        #expect(try registry.variety(parsing: "fr").libreTranslateCode == "fr")
        // Every variety's LibreTranslate code parses back to it.
        for variety in registry.varieties {
            #expect(try registry.variety(parsing: variety.libreTranslateCode) == variety, "\(variety.floresCode)")
        }
    }

    @Test(arguments: [
        ("", LanguageRegistry.ParsingError.empty), ("   ", .empty),
        ("f", .malformed("f")), ("french!", .malformed("french!")), ("fr--CA", .malformed("fr--CA")), ("12", .malformed("12")),
        ("xx", .unknown("xx")), ("tlh", .unknown("tlh")),
    ])
    func badCodesSayWhy(_ input: String, _ error: LanguageRegistry.ParsingError) {
        #expect(throws: error) { try registry.variety(parsing: input) }
    }
}
