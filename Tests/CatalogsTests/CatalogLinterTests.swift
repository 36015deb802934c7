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
        (.glossaryTerm, .spanish, "Open the buddy list", "Abre la lista de contactos", "Abre la lista de amigos"),
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

    /// `{{count}}` may be left out of a form only where the number is not information: the
    /// source's own `one` form leaves it out, or the form stands for a single number (Arabic
    /// `one` 1, `two` 2; Swahili `one` 1), as Weblate's placeholder check allows. A form for
    /// several numbers (Russian `one`: 1, 21, 31 …) must keep it.
    @Test func aFormMayOmitTheCountOnlyWhereTheNumberIsNoInformation() {
        let withCount = CatalogValue.plural([PluralForm(.one, "{{count}} reply"), PluralForm(.other, "{{count}} replies")])
        let withoutCount = CatalogValue.plural([PluralForm(.one, "One reply"), PluralForm(.other, "{{count}} replies")])
        let swahili = CatalogValue.plural([PluralForm(.one, "Jibu moja"), PluralForm(.other, "Majibu {{count}}")])
        #expect(checks(.swahili, withoutCount, swahili).isEmpty)
        #expect(checks(.swahili, withCount, swahili).isEmpty)
        let russian = CatalogValue.plural([
            PluralForm(.one, "Один ответ"), PluralForm(.few, "{{count}} ответа"),
            PluralForm(.many, "{{count}} ответов"), PluralForm(.other, "{{count}} ответа"),
        ])
        #expect(checks(.russian, withCount, russian).contains(.placeholders))
        let arabic = CatalogValue.plural([
            PluralForm(.zero, "لا ردود"), PluralForm(.one, "رد واحد"), PluralForm(.two, "ردّان"),
            PluralForm(.few, "\u{2068}{{count}}\u{2069} ردود"), PluralForm(.many, "\u{2068}{{count}}\u{2069} ردًا"),
            PluralForm(.other, "\u{2068}{{count}}\u{2069} رد"),
        ])
        #expect(!checks(.arabic, withCount, arabic).contains(.placeholders))
        var arabicFewWithout = arabic
        if case .plural(var forms) = arabicFewWithout { forms[3].text = "بضعة ردود"; arabicFewWithout = .plural(forms) }
        #expect(checks(.arabic, withCount, arabicFewWithout).contains(.placeholders))
    }

    /// Leading and trailing whitespace is compared with the source: an English value that ends
    /// in a space on purpose (it is concatenated) needs the same space in the translation.
    @Test func edgeWhitespaceIsJudgedAgainstTheSource() {
        #expect(checks(.russian, .text("Read more "), .text("Подробнее ")).isEmpty)
        #expect(checks(.russian, .text("Read more "), .text("Подробнее")).contains(.whitespace))
        #expect(checks(.russian, .text(" and more"), .text("и ещё")).contains(.whitespace))
        #expect(checks(.english, nil, .text("Read more ")).isEmpty)
        #expect(!checks(.spanish, .text("Name:  {{name}}"), .text("Nombre:  {{name}}")).contains(.whitespace))
        #expect(checks(.spanish, .text("Name: {{name}}"), .text("Nombre:  {{name}}")).contains(.whitespace))
        let finding = linter.check(language: .spanish, key: "k", source: .text("Más "), target: .text("Más"))
        #expect(finding.first?.message == "ends with no whitespace, the source with a space")
    }

    /// A plural group that lacks a form of the language's CLDR set is named as such.
    @Test func pluralFindingsNameTheGroupAndTheForm() {
        let source = CatalogValue.plural([PluralForm(.one, "{{count}} reply"), PluralForm(.other, "{{count}} replies")])
        let russian = CatalogValue.plural([
            PluralForm(.one, "{{count}} ответ"), PluralForm(.few, "{{count}} ответа"), PluralForm(.many, "{{count}} ответов"),
        ])
        let ru = linter.check(language: .russian, key: "messageItem.replyCount", source: source, target: russian)
        #expect(ru.map(\.message) == ["plural group `messageItem.replyCount` lacks the form `other` (ru: one few many other, CLDR via ICU)"])
        let spanish = CatalogValue.plural([PluralForm(.one, "{{count}} respuesta"), PluralForm(.other, "{{count}} respuestas")])
        #expect(linter.check(language: .spanish, key: "r", source: source, target: spanish).map(\.message)
            == ["plural group `r` lacks the form `many` (es: one many other, CLDR via ICU)"])
        let english = CatalogValue.plural([PluralForm(.one, "{{count}} x"), PluralForm(.few, "{{count}} x"), PluralForm(.other, "{{count}} xs")])
        #expect(linter.check(language: .english, key: "x", source: nil, target: english).map(\.message)
            == ["plural group `x` has the form `few`, which en does not use (en: one other, CLDR via ICU)"])
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
        #expect(findings.contains { $0.check == .structure && $0.key == "c" && $0.message.contains("key missing") })
        #expect(findings.contains { $0.check == .structure && $0.key == "z" })
        #expect(findings.contains { $0.check == .keyOrder })
        #expect(linter.lint(document: english, source: english).isEmpty)
    }

    @Test func lintOfAFaultyTreeReportsFileFormatAndValueErrors() throws {
        let tree = try Fixtures.copyOfCatalogs()
        try Fixtures.write("{\"actions\": {\"ok\": \"Sawa\"}}", to: tree, "sw/common.json")   // not the canonical format
        try Fixtures.write("{\"a\": [1]}\n", to: tree, "ha/common.json")                      // not parseable
        try Fixtures.edit(tree, .arabic, "rooms") { $0.set("createRoom.title", .text("إنشاء غرفة?")) }
        let report = try linter.lintTree(at: tree, format: true)
        #expect(report.findings.contains { $0.check == .fileFormat && $0.language == "sw" && $0.message.contains("not in the catalog format") })
        #expect(report.findings.contains { $0.check == .fileFormat && $0.language == "ha" && $0.message.contains("value is an array") })
        // Without --format the layout is not judged; a file that cannot be read still is.
        let withoutFormat = try linter.lintTree(at: tree)
        #expect(!withoutFormat.findings.contains { $0.check == .fileFormat && $0.language == "sw" })
        #expect(withoutFormat.findings.contains { $0.check == .fileFormat && $0.language == "ha" })
        #expect(report.findings.contains { $0.check == .arabicPunctuation && $0.key == "createRoom.title" })
        #expect(report.errors > 0)
        let arabicOnly = try linter.lintTree(at: tree, languages: [.arabic])
        #expect(arabicOnly.findings.allSatisfy { $0.language == "ar" || $0.language == "en" || $0.check == .glossaryFile })
    }
}
