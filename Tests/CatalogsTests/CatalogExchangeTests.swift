import Catalogs
import Foundation
import Languages
import Storage
import Testing

@Suite("XLIFF 2.0 and PO exchange")
struct CatalogExchangeTests {
    /// Exports the real tree to `format`, imports it into a fresh store and exports i18next.
    func roundTrip(_ format: CatalogExchangeFormat) async throws {
        let (source, _) = try Fixtures.service()
        _ = try await source.importTree(from: Fixtures.catalogs)
        let exchange = Fixtures.temporaryDirectory(format.rawValue)
        let files = try await source.exportExchange(format, to: exchange)
        #expect(files.count == 7)
        let (fresh, _) = try Fixtures.service()
        let report = try await fresh.importExchange(format, from: exchange)
        #expect(report.languages["en"]?.added == 496)
        #expect(report.languages["ar"]?.added == 496)
        let out = Fixtures.temporaryDirectory("tree")
        try await fresh.exportTree(to: out)
        let original = Fixtures.files(Fixtures.catalogs), exported = Fixtures.files(out)
        #expect(exported.keys.sorted() == original.keys.sorted())
        for (path, bytes) in original { #expect(exported[path] == bytes, "\(format): \(path) differs") }
        #expect(try await fresh.entry(language: .irish, namespace: "chat", key: "messageItem.replyCount")?.state == .translated)
    }

    @Test func xliffRoundTripOfTheWholeTreeIsByteIdentical() async throws { try await roundTrip(.xliff) }

    @Test func poRoundTripOfTheWholeTreeIsByteIdentical() async throws { try await roundTrip(.po) }

    @Test(arguments: [CatalogExchangeFormat.xliff, .po])
    func statesSurvive(format: CatalogExchangeFormat) async throws {
        let (source, store) = try Fixtures.service()
        _ = try await source.importTree(from: Fixtures.catalogs)
        let reviewed = try #require(try await source.entry(language: .arabic, namespace: "chat", key: "messageItem.replyCount"))
        _ = try await source.setState(language: .arabic, namespace: "chat", key: "messageItem.replyCount", state: .reviewed, expectedRevision: reviewed.revision, author: "rev")
        let machine = try #require(try await source.entry(language: .arabic, namespace: "common", key: "button.close"))
        _ = try await source.save(language: .arabic, namespace: "common", key: "button.close", value: machine.value ?? .text("x"),
                                  expectedRevision: machine.revision, author: "mt", state: .machine)
        let cleared = try #require(try await source.entry(language: .arabic, namespace: "common", key: "button.cancel"))
        _ = try await source.setState(language: .arabic, namespace: "common", key: "button.cancel", state: .untranslated, expectedRevision: cleared.revision, author: "t")
        _ = store
        let exchange = Fixtures.temporaryDirectory(format.rawValue)
        try await source.exportExchange(format, to: exchange, languages: [.arabic])
        let (fresh, _) = try Fixtures.service()
        _ = try await fresh.importExchange(format, from: exchange)
        #expect(try await fresh.entry(language: .arabic, namespace: "chat", key: "messageItem.replyCount")?.state == .reviewed)
        #expect(try await fresh.entry(language: .arabic, namespace: "common", key: "button.close")?.state == .machine)
        let untranslated = try await fresh.entry(language: .arabic, namespace: "common", key: "button.cancel")
        #expect(untranslated?.state == .untranslated && untranslated?.value == nil)
        #expect(try await fresh.entry(language: .arabic, namespace: "common", key: "button.save")?.state == .translated)
        #expect(try await fresh.entry(language: .spanish, namespace: "common", key: "button.save")?.state == .untranslated)
    }

    @Test func xliffShape() async throws {
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        let exchange = Fixtures.temporaryDirectory("xlf")
        try await service.exportExchange(.xliff, to: exchange, languages: [.arabic])
        let text = try String(contentsOfFile: exchange + "/ar.xlf", encoding: .utf8)
        #expect(text.contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ar\">"))
        #expect(text.contains("<file id=\"chat\" original=\"chat.json\">"))
        #expect(text.contains("<group id=\"messageItem.replyCount\" name=\"messageItem.replyCount\" type=\"parley:plural\">"))
        #expect(text.contains("<unit id=\"messageItem.replyCount_two\" name=\"messageItem.replyCount_two\">"))
        #expect(text.contains("<note category=\"glossary\">reply → رد</note>"))
        // A fixed value travels locked.
        #expect(text.contains("<unit id=\"placeholder\" name=\"placeholder\" translate=\"no\">"))
        #expect(text.contains("<segment state=\"translated\">"))
        #expect(!FileManager.default.fileExists(atPath: exchange + "/en.xlf"))
    }

    @Test func malformedExchangeFilesAreRefusedWithoutWriting() async throws {
        let (service, store) = try Fixtures.service()
        let directory = Fixtures.temporaryDirectory("bad")
        try Fixtures.write("""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
          <file id="x" original="../x.json"><unit id="a" name="a"><segment state="translated"><source>A</source><target>Ah</target></segment></unit></file>
        </xliff>
        """, to: directory, "es.xlf")
        await #expect(throws: CatalogError.self) { try await service.importExchange(.xliff, from: directory) }
        try Fixtures.write("msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"../x:a\"\nmsgid \"A\"\nmsgstr \"Ah\"\n", to: directory, "es.po")
        do {
            _ = try await service.importExchange(.po, from: directory + "/es.po")
            Issue.record("accepted ../x")
        } catch let error as CatalogError {
            #expect(error.description.contains("es.po"))
            #expect(error.description.contains("../x"))
        }
        #expect(try await store.catalogIsEmpty())
    }

    @Test(arguments: Language.allCases)
    func pluralFormsHeaderMapsIndicesToCLDROrder(language: Language) {
        let expression = PluralFormsExpression(language: language)
        let rules = language.plurals
        #expect(expression.categories == rules.categories(.cardinal))
        for n in Array(0...2_500) + [1_000_000, 2_000_000, 1_000_001, 10_000_011, 123_456_789] {
            #expect(expression.categories[expression.evaluate(n)] == rules.category(for: n), "\(language.code) n=\(n)")
        }
        #expect(expression.header.hasPrefix("nplurals=\(rules.categories(.cardinal).count); plural="))
    }

    @Test func pluralFormsHeadersReadLikeGettexts() {
        #expect(PluralFormsExpression(language: .english).header == "nplurals=2; plural=(n==1 ? 0 : 1);")
        #expect(PluralFormsExpression(language: .russian).header.contains("(n%10==1 && n%100!=11)"))
        print(Language.allCases.map { "\($0.code): \(PluralFormsExpression(language: $0).header)" }.joined(separator: "\n"))
    }
}
