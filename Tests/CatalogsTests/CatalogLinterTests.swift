import Catalogs
import Languages
import Testing

@Suite("QA checks: each fires on a fault and stays quiet on a clean value")
struct CatalogLinterTests {
    let linter = CatalogLinter(glossary: Fixtures.glossary)

    func checks(_ language: Language, _ source: CatalogValue?, _ target: CatalogValue) -> [CatalogCheck] {
        linter.check(language: language, namespace: "test", key: "k", source: source, target: target).map(\.check)
    }

    /// (check, language, source, clean target, faulty target)
    static let cases: [(CatalogCheck, Language, String, String, String)] = [
        (.placeholders, .spanish, "Hello {{name}}", "Hola {{name}}", "Hola {{nombre}}"),
        (.placeholders, .russian, "Link: {{- url}}", "Ссылка: {{- url}}", "Ссылка: {{url}}"),
        (.nesting, .irish, "Welcome to $t(common:appName)", "Fáilte go $t(common:appName)", "Fáilte go protoimsg"),
        (.markup, .spanish, "Read the <1>rules</1>", "Lee las <1>normas</1>", "Lee las <2>normas</2>"),
        (.markup, .swahili, "Pin the <strong>feed</strong>", "Bandika <strong>mlisho</strong>", "Bandika mlisho"),
        (.whitespace, .hausa, "OK", "To", "To "),
        (.whitespace, .swahili, "Sign in now", "Ingia sasa", "Ingia  sasa"),
        (.newlines, .russian, "Line one\nLine two", "Строка один\nСтрока два", "Строка один Строка два"),
        (.empty, .ukrainian, "Cancel", "Скасувати", ""),
        (.sameAsSource, .swahili, "Share", "Shiriki", "Share"),
        (.lengthRatio, .spanish, "Delete this message", "Eliminar este mensaje", "Eliminar este mensaje de forma permanente y sin posibilidad de recuperarlo jamás"),
        (.glossaryTerm, .spanish, "Open the buddy list", "Abre la lista de amigos", "Abre la lista de contactos"),
        (.glossaryDoNotTranslate, .russian, "Sign in with Bluesky", "Войти через Bluesky", "Войти через Блюскай"),
        (.bidiControls, .arabic, "Copy", "نسخ", "\u{202B}نسخ\u{202C}"),
        (.bidiIsolates, .arabic, "Send", "إرسال", "\u{2068}إرسال"),
        (.bidiInterpolation, .arabic, "You joined {{room}}", "انضممت إلى \u{2068}{{room}}\u{2069}", "انضممت إلى {{room}}"),
        (.bidiLatin, .arabic, "Sign in with Bluesky", "سجّل الدخول عبر \u{2068}Bluesky\u{2069}", "سجّل الدخول عبر Bluesky"),
        (.arabicPunctuation, .arabic, "Leave the room?", "هل تريد مغادرة الغرفة؟", "هل تريد مغادرة الغرفة?"),
        (.arabicPunctuation, .arabic, "Rooms, threads; polls", "الغرف، السلاسل؛ الاستطلاعات", "الغرف, السلاسل; الاستطلاعات"),
        (.kashida, .arabic, "Save", "حفظ", "حفـظ"),
    ]

    @Test(arguments: 0..<cases.count)
    func checkFiresAndStaysQuiet(index: Int) {
        let (check, language, source, clean, faulty) = Self.cases[index]
        let quiet = checks(language, .text(source), .text(clean))
        #expect(!quiet.contains(check), "\(check) fired on clean '\(clean)': \(quiet)")
        let fired = linter.check(language: language, namespace: "test", key: "k", source: .text(source), target: .text(faulty))
        let finding = fired.first { $0.check == check }
        #expect(finding != nil, "\(check) did not fire on '\(faulty)': \(fired.map(\.check))")
        #expect(finding?.severity == check.severity)
        #expect(finding?.location == "\(language.code)/test.json k")
    }

    @Test func severities() {
        #expect(CatalogCheck.placeholders.severity == .error)
        #expect(CatalogCheck.arabicPunctuation.severity == .error)
        #expect(CatalogCheck.kashida.severity == .error)
        #expect(CatalogCheck.sameAsSource.severity == .warning)
        #expect(CatalogCheck.glossaryTerm.severity == .warning)
        #expect(CatalogCheck.glossaryDoNotTranslate.severity == .warning)
        #expect(CatalogCheck.lengthRatio.severity == .warning)
    }

    @Test func brandNamesMayStayTheSame() {
        #expect(!checks(.swahili, .text("Bluesky"), .text("Bluesky")).contains(.sameAsSource))
        #expect(!checks(.hausa, .text("{{count}} GIF"), .text("{{count}} GIF")).contains(.sameAsSource))
    }

    @Test func pluralFormsAreComparedWithTheSourceOtherForm() {
        let source = CatalogValue.plural([PluralForm(.one, "{{count}} member"), PluralForm(.other, "{{count}} members")])
        let good = CatalogValue.plural([
            PluralForm(.one, "{{count}} участник"), PluralForm(.few, "{{count}} участника"),
            PluralForm(.many, "{{count}} участников"), PluralForm(.other, "{{count}} участника"),
        ])
        #expect(checks(.russian, source, good).isEmpty)
        var missingCount = good
        if case .plural(var forms) = missingCount { forms[1].text = "несколько участников"; missingCount = .plural(forms) }
        let findings = linter.check(language: .russian, key: "count", source: source, target: missingCount)
        #expect(findings.contains { $0.check == .placeholders && $0.key == "count_few" })
    }

    @Test func theOneFormMayOmitTheCountOnlyWhenTheSourceDoes() {
        let withCount = CatalogValue.plural([PluralForm(.one, "{{count}} reply"), PluralForm(.other, "{{count}} replies")])
        let withoutCount = CatalogValue.plural([PluralForm(.one, "One reply"), PluralForm(.other, "{{count}} replies")])
        let target = CatalogValue.plural([PluralForm(.one, "Jibu moja"), PluralForm(.other, "Majibu {{count}}")])
        #expect(checks(.swahili, withoutCount, target).isEmpty)
        #expect(checks(.swahili, withCount, target).contains(.placeholders))
    }

    @Test func plainAndPluralMismatchIsAStructureError() {
        let plural = CatalogValue.plural([PluralForm(.one, "{{count}} x"), PluralForm(.other, "{{count}} xs")])
        #expect(checks(.spanish, plural, .text("{{count}} x")).contains(.structure))
        #expect(checks(.english, nil, plural).isEmpty)
    }

    @Test func rtlInterpolationWithoutArabicTextNeedsNoIsolate() {
        #expect(!checks(.arabic, .text("{{name}}"), .text("{{name}}")).contains(.bidiInterpolation))
        #expect(!checks(.arabic, .text("Room: {{name}}"), .text("الغرفة: \u{2068}{{name}}\u{2069}")).contains(.arabicPunctuation))
    }

    @Test func structureOfFiles() throws {
        let english = CatalogDocument(language: .english, namespace: "n", items: [
            CatalogItem(key: "a", value: .text("A")), CatalogItem(key: "b", value: .text("B")), CatalogItem(key: "c", value: .text("C")),
        ])
        let spanish = CatalogDocument(language: .spanish, namespace: "n", items: [
            CatalogItem(key: "b", value: .text("Be")), CatalogItem(key: "a", value: .text("Ah")), CatalogItem(key: "z", value: .text("Zeta")),
        ])
        let findings = linter.lint(document: spanish, source: english)
        #expect(findings.contains { $0.check == .structure && $0.message.contains("missing keys: c") })
        #expect(findings.contains { $0.check == .structure && $0.key == "z" })
        #expect(findings.contains { $0.check == .keyOrder })
        #expect(linter.lint(document: english, source: english).isEmpty)
    }

    @Test func lintOfAFaultyTreeReportsFileFormatAndValueErrors() throws {
        let tree = try Fixtures.copyOfCatalogs()
        try Fixtures.write("{\"actions\": {\"ok\": \"Sawa\"}}", to: tree, "sw/common.json")   // not the canonical format
        try Fixtures.write("{\"a\": 1}\n", to: tree, "ha/common.json")                        // not parseable
        try Fixtures.edit(tree, .arabic, "rooms") { $0.set("create.title", .text("إنشاء غرفة?")) }
        let report = try linter.lintTree(at: tree)
        #expect(report.findings.contains { $0.check == .fileFormat && $0.language == "sw" && $0.message.contains("not in the catalog format") })
        #expect(report.findings.contains { $0.check == .fileFormat && $0.language == "ha" && $0.message.contains("value is a number") })
        #expect(report.findings.contains { $0.check == .arabicPunctuation && $0.key == "create.title" })
        #expect(report.errors > 0)
        let arabicOnly = try linter.lintTree(at: tree, languages: [.arabic])
        #expect(arabicOnly.findings.allSatisfy { $0.language == "ar" || $0.language == "en" || $0.check == .glossaryFile })
    }
}
