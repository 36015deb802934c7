import Foundation
import Languages
import Testing
@testable import LanguageDetection

/// `parley langid eval --other`: reading other-language files, the answer expected per
/// variety, and the three outcomes counted per length.
@Suite("Other-language evaluation")
struct OtherLanguageEvaluatorTests {
    func file(_ content: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString).tsv")
        try content.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func readsAnyKnownCodeAndRefusesTheEightAndUnknownOnes() throws {
        let samples = try OtherLanguageEvaluator.read(file: file("fr\tBonjour à tous\r\n\nfra_Latn\tMerci\nzh-TW\t你們好\n"))
        #expect(samples.map(\.variety.floresCode) == ["fra_Latn", "fra_Latn", "zho_Hant"])
        #expect(samples.first?.text == "Bonjour à tous")
        let malformed = try file("fr Bonjour")
        #expect(throws: LanguageDataError.malformedLine(path: malformed.path, line: 1)) { _ = try OtherLanguageEvaluator.read(file: malformed) }
        let unknown = try file("fr\tBonjour\nxx\tfoo\n")
        #expect(throws: LanguageDataError.unknownLanguage(path: unknown.path, line: 2, code: "xx")) { _ = try OtherLanguageEvaluator.read(file: unknown) }
        // Not UTF-8 (a Latin-1 é): refused as unreadable, not read as something else.
        let latin1 = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString).tsv")
        try Data([0x66, 0x72, 0x09, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
        #expect { _ = try OtherLanguageEvaluator.read(file: latin1) } throws: { error in
            if case LanguageDataError.unreadableFile(let path, _) = error { return path == latin1.path }
            return false
        }
        #expect(throws: LanguageDataError.self) { _ = try OtherLanguageEvaluator.read(file: URL(fileURLWithPath: "/nonexistent/other.tsv")) }
        let eight = try file("es\tHola\n")
        #expect(throws: LanguageDataError.unknownLanguage(path: eight.path, line: 1, code: "es")) { _ = try OtherLanguageEvaluator.read(file: eight) }
    }

    @Test(arguments: [("fra_Latn", "fr"), ("prs_Arab", "fa"), ("zho_Hant", "zh-Hant"), ("arz_Arab", "ar"), ("ary_Arab", "ar"), ("kas_Deva", "ks-Deva"), ("arb_Latn", "ar-Latn")])
    func theExpectedAnswerIsTheShortCodeAndArabicForArabicVarieties(_ flores: String, _ code: String) throws {
        let variety = try #require(LanguageRegistry.shared.variety(flores: flores))
        #expect(OtherLanguageEvaluator.expectedCode(for: variety) == code)
    }

    @Test func countsEachOutcomePerLength() throws {
        let registry = LanguageRegistry.shared
        let samples = [
            // Egyptian Arabic is Arabic: identified.
            OtherLanguageEvaluator.Sample(variety: try #require(registry.variety(flores: "arz_Arab")), text: "ازيك يا صاحبي عامل ايه النهارده"),
            // Italian: the detector of the eight cannot identify it, so it is either taken for one
            // of them or und — never identified.
            OtherLanguageEvaluator.Sample(variety: try #require(registry.variety(flores: "ita_Latn")), text: "Buongiorno a tutti, come state oggi?"),
            // Nothing linguistic: und.
            OtherLanguageEvaluator.Sample(variety: try #require(registry.variety(flores: "fra_Latn")), text: "👍"),
        ]
        let rows = OtherLanguageEvaluator.evaluate(samples, with: try LanguageDetector.bundled())
        #expect(rows.map(\.bucket) == [.words1to2, .words6to15])
        let short = try #require(rows.first), long = try #require(rows.last)
        #expect(short.texts == 1 && short.undetermined == 1)
        #expect(long.texts == 2 && long.identified == 1 && long.takenForTheEight + long.undetermined == 1)
        #expect(OtherLanguageEvaluator.formatted(rows).contains("taken for one of the eight"))
    }
}
