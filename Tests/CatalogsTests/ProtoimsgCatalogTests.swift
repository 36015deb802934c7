import Catalogs
import Foundation
import Languages
import Testing

/// protoimsg's web catalogs as shipped (`../shared/protoimsg/locales`, beside the repository):
/// what a new user gets from `parley catalog lint` and `import`/`export` on real files.
///
/// The files live beside the repository, not in it: on a clone without ../shared these tests
/// are skipped (see the trait), but under `CI=true` a missing directory is a failure.
@Suite("protoimsg's shipped catalogs: lint and round trip on real files")
struct ProtoimsgCatalogTests {
    /// /work/main/Tests/CatalogsTests/<file> → /work/main/../shared/protoimsg/locales
    static let locales = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/protoimsg/locales").standardizedFileURL.path

    static var present: Bool { FileManager.default.fileExists(atPath: locales + "/en/common.json") }
    static var onCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    func requireData() -> Bool {
        guard Self.present else {
            Issue.record("CI=true but \(Self.locales) is missing: cannot check protoimsg's shipped catalogs")
            return false
        }
        return true
    }

    @Test(.enabled(if: present || onCI, "../shared/protoimsg/locales is absent: shipped-catalog lint skipped"))
    func lintNamesThePluralGapsAndReportsNoFormatting() throws {
        guard requireData() else { return }
        let report = try CatalogLinter().lintTree(at: Self.locales)
        #expect(!report.findings.contains { $0.check == .fileFormat }, "layout is not a translation error")
        let plural = Set(report.findings.filter { $0.check == .pluralForms }.map(\.description))
        for group in ["messageItem.replyCount", "threadPanel.replyCount"] {
            #expect(plural.contains("ERROR [plural-forms] ru/chat.json \(group): plural group `\(group)` lacks the form `other` (ru: one few many other, CLDR via ICU)"))
            #expect(plural.contains("ERROR [plural-forms] es/chat.json \(group): plural group `\(group)` lacks the form `many` (es: one many other, CLDR via ICU)"))
            #expect(plural.contains("ERROR [plural-forms] ar/chat.json \(group): plural group `\(group)` lacks the form `zero` (ar: zero one two few many other, CLDR via ICU)"))
        }
        #expect(plural.contains("ERROR [plural-forms] ru/feed.json threadView.viewReplies: plural group `threadView.viewReplies` lacks the form `other` (ru: one few many other, CLDR via ICU)"))
        #expect(plural.count == 9)
        // The Russian groups are groups lacking a form, not stray keys or missing keys.
        let structure = report.findings.filter { $0.check == .structure && $0.severity == .error }
        #expect(structure.map(\.description) == ["ERROR [structure] ru/chat.json threadPanel.inputPlaceholder: key missing: the English source has it"])
        // A trailing space the English source has on purpose is not a finding; losing it would be.
        #expect(!report.findings.contains { $0.check == .whitespace })
        // The eight namespaces, and booleans as fixed values.
        #expect(report.files == 32)
        #expect(report.keys == 303)
        // With --format, the layout of the shipped files (blank lines between groups) is reported.
        let formatted = try CatalogLinter().lintTree(at: Self.locales, format: true)
        #expect(formatted.findings.contains { $0.check == .fileFormat && $0.namespace == "chat" })
    }

    @Test(.enabled(if: present || onCI, "../shared/protoimsg/locales is absent: shipped-catalog round trip skipped"))
    func importIntoAnEmptyStoreThenExportGivesTheSameData() async throws {
        guard requireData() else { return }
        let (service, _) = try Fixtures.service()
        let report = try await service.importTree(from: Self.locales)
        #expect(report.documents == 32)
        let out = Fixtures.temporaryDirectory("protoimsg-export")
        _ = try await service.exportTree(to: out)
        var compared = 0
        for language in ["en", "es", "ru", "ar"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(Self.locales)/\(language)") where name.hasSuffix(".json") {
                let original = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(Self.locales)/\(language)/\(name)")))
                let exported = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/\(language)/\(name)")))
                #expect((original as? NSDictionary) == (exported as? NSDictionary), "\(language)/\(name)")
                compared += 1
            }
        }
        #expect(compared == 32)
    }
}
