import Catalogs
import Foundation
import Languages
import Storage
import Testing

@Suite("Serving documents, fallback, cache and pseudo-locales")
struct CatalogServingTests {
    @Test func servedDocumentsAreTheFilesAndCached() async throws {
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        let original = Fixtures.files(Fixtures.catalogs)
        let clock = ContinuousClock()
        var firstBuild = Duration.zero
        for language in Language.allCases {
            for namespace in try await service.namespaces() {
                let start = clock.now
                let document = try await service.document(locale: .language(language), namespace: namespace)
                firstBuild += clock.now - start
                #expect(document.bytes == original["\(language.code)/\(namespace).json"], "\(language.code)/\(namespace)")
                #expect(document.etag.hasPrefix("\"") && document.etag.hasSuffix("\"") && !document.etag.hasPrefix("W/"))
            }
        }
        let start = clock.now
        for _ in 0..<100 { _ = try await service.document(locale: .language(.arabic), namespace: "rooms") }
        let cached = (clock.now - start) / 100
        print("72 documents built in \(firstBuild); a cached document is served in \(cached)")
        #expect(service.cacheStatistics.hits >= 100)
    }

    @Test func untranslatedKeysFallBackToEnglishWithTheLanguagesPluralForms() async throws {
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        let before = try await service.document(locale: .language(.arabic), namespace: "chat")
        let entry = try #require(try await service.entry(language: .arabic, namespace: "chat", key: "messageItem.replyCount"))
        _ = try await service.setState(language: .arabic, namespace: "chat", key: "messageItem.replyCount", state: .untranslated, expectedRevision: entry.revision, author: "t")
        let after = try await service.document(locale: .language(.arabic), namespace: "chat")
        #expect(after.etag != before.etag)
        let text = String(decoding: after.bytes, as: UTF8.self)
        #expect(text.contains("\"replyCount_zero\": \"{{count}} replies\""))
        #expect(text.contains("\"replyCount_one\": \"{{count}} reply\""))
        #expect(text.contains("\"replyCount_few\": \"{{count}} replies\""))
        #expect(text.contains("\"replyCount_other\": \"{{count}} replies\""))
        // The export leaves the key out instead (i18next falls back to English by itself).
        let out = Fixtures.temporaryDirectory("out")
        try await service.exportTree(to: out, languages: [.arabic])
        let exported = try CatalogDocument(language: .arabic, namespace: "chat", bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: out + "/ar/chat.json"))))
        #expect(exported["messageItem.replyCount"] == nil)
        #expect(exported["messageItem.translatedTo"] != nil)
    }

    @Test func unknownNamespacesAreNotFound() async throws {
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        for namespace in ["nope", "../common", ""] {
            do {
                _ = try await service.document(locale: .language(.english), namespace: namespace)
                Issue.record("served \(namespace)")
            } catch let error as CatalogError {
                #expect(error.httpStatus == 404)
            }
        }
    }

    @Test func localeResolution() {
        #expect(CatalogLocale(resolving: "ar-EG") == .language(.arabic))
        #expect(CatalogLocale(resolving: "es-419") == .language(.spanish))
        #expect(CatalogLocale(resolving: "EN_us") == .language(.english))
        #expect(CatalogLocale(resolving: "en-XA") == .pseudo(.accented))
        #expect(CatalogLocale(resolving: "en-xa") == .pseudo(.accented))
        #expect(CatalogLocale(resolving: "ar-XB") == .pseudo(.rightToLeft))
        #expect(CatalogLocale(resolving: "en-XB") == .language(.english))
        #expect(CatalogLocale(resolving: "pt-BR") == nil)
        #expect(CatalogLocale(resolving: "../en") == nil)
    }

    @Test func accentedPseudoLocale() {
        let value = "Hello {{name}}, see <1>$t(common:appName)</1> rules"
        let pseudo = PseudoLocale.accented.transform(value)
        #expect(pseudo.hasPrefix("[!! ") && pseudo.hasSuffix(" !!]"))
        #expect(CatalogTokens.interpolations(pseudo) == ["{{name}}"])
        #expect(CatalogTokens.nestings(pseudo) == ["$t(common:appName)"])
        #expect(CatalogTokens.tags(pseudo) == ["<1>", "</1>"])
        #expect(!pseudo.contains("Hello"))
        let letters = CatalogTokens.plainText(value).filter(\.isLetter).count
        let pseudoLetters = CatalogTokens.plainText(pseudo).filter { $0.isLetter || $0 == "·" }.count
        #expect(Double(pseudoLetters) >= Double(letters) * 1.34)
    }

    @Test func rightToLeftPseudoLocale() {
        let value = "Leave {{room}}? (bad)\nYes"
        let pseudo = PseudoLocale.rightToLeft.transform(value)
        #expect(pseudo == "\u{2067}Leave\u{2069} \u{2068}{{room}}\u{2069}\u{2067}؟ )dab(\u{2069}\n\u{2067}Yes\u{2069}")
        let scalars = pseudo.unicodeScalars
        #expect(!scalars.contains("\u{200F}") && !scalars.contains("\u{202E}") && !scalars.contains("\u{202B}"))
        #expect(CatalogTokens.interpolations(pseudo) == ["{{room}}"])
    }

    @Test func pseudoDocumentsComeFromEnglishAndLintClean() async throws {
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        let accented = try await service.document(locale: .pseudo(.accented), namespace: "chat")
        let document = try CatalogDocument(language: .english, namespace: "chat", bytes: accented.bytes)
        #expect(document.items.count == 67)
        #expect(accented.locale == "en-XA")
        let rtl = try await service.document(locale: .pseudo(.rightToLeft), namespace: "chat")
        let arabicShaped = try CatalogDocument(language: .arabic, namespace: "chat", bytes: rtl.bytes)
        guard case .plural(let forms)? = arabicShaped["messageItem.replyCount"] else { Issue.record("no plural"); return }
        #expect(forms.map(\.category) == Language.arabic.plurals.categories(.cardinal))
        let findings = CatalogLinter().lint(document: arabicShaped, source: try CatalogDocument(
            language: .english, namespace: "chat", bytes: (try await service.document(locale: .language(.english), namespace: "chat")).bytes))
        #expect(!findings.contains { [.placeholders, .nesting, .markup, .bidiIsolates, .bidiControls].contains($0.check) })
    }
}
