import ArgumentParser
import Catalogs
import Foundation
@testable import ParleyCommands
import Testing

/// `parley catalog …`, run in process (and through the built binary once `catalog` is wired in).
@Suite("parley catalog import|export|lint", .serialized)
struct CatalogCLITests {
    static let catalogs = CLI.repositoryRoot.appendingPathComponent("Catalogs").path

    static func copyOfCatalogs() throws -> String {
        let target = CLI.temporaryDirectory() + "/Catalogs"
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: URL(fileURLWithPath: catalogs).resolvingSymlinksInPath().path, toPath: target)
        return target
    }

    @Test func lintOfTheShippedCatalogsHasNoErrors() throws {
        let lint = try CatalogCommand.Lint.parse(["--catalogs", Self.catalogs])
        let (output, errors) = try lint.report()
        #expect(errors == 0, "\(output)")
        #expect(output.contains("72 files, 496 keys (16 plural groups): 0 errors"))
        let json = try CatalogCommand.Lint.parse(["--catalogs", Self.catalogs, "--json", "--lang", "ar"]).report()
        let report = try JSONDecoder().decode(CatalogLintReport.self, from: Data(json.output.utf8))
        #expect(report.errors == 0)
        #expect(report.pluralCategories["ar"] == ["zero", "one", "two", "few", "many", "other"])
    }

    @Test func lintFailsOnErrors() async throws {
        let tree = try Self.copyOfCatalogs()
        let path = tree + "/ar/rooms.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "؟", with: "?")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let lint = try CatalogCommand.Lint.parse(["--catalogs", tree])
        let (output, errors) = try lint.report()
        #expect(errors > 0)
        #expect(output.contains("[arabic-punctuation] ar/rooms.json"))
        await #expect(throws: ExitCode.self) { try await lint.run() }
    }

    @Test func importExportRoundTripThroughTheCommands() async throws {
        let data = CLI.temporaryDirectory()
        var importer = try CatalogCommand.Import.parse(["--data-dir", data, "--catalogs", Self.catalogs])
        try await importer.run()
        let out = CLI.temporaryDirectory()
        var exporter = try CatalogCommand.Export.parse(["--data-dir", data, "--out", out])
        try await exporter.run()
        for language in ["en", "ar", "ga"] {
            for namespace in ["rooms", "common"] {
                let original = FileManager.default.contents(atPath: "\(Self.catalogs)/\(language)/\(namespace).json")
                #expect(FileManager.default.contents(atPath: "\(out)/\(language)/\(namespace).json") == original)
            }
        }
        let exchange = CLI.temporaryDirectory()
        exporter = try CatalogCommand.Export.parse(["--data-dir", data, "--format", "xliff", "--out", exchange, "--lang", "uk"])
        try await exporter.run()
        #expect(FileManager.default.fileExists(atPath: exchange + "/uk.xlf"))
        #expect(!FileManager.default.fileExists(atPath: exchange + "/ar.xlf"))
        let fresh = CLI.temporaryDirectory()
        importer = try CatalogCommand.Import.parse(["--data-dir", fresh, "--format", "xliff", "--in", exchange])
        try await importer.run()
        await #expect(throws: (any Error).self) {
            var missingOut = try CatalogCommand.Export.parse(["--data-dir", fresh, "--format", "po"])
            try await missingOut.run()
        }
    }

    @Test func theBinaryRunsLintWhenWired() throws {
        guard CLI.executable != nil, let help = try? CLI.run(["--help"]), help.output.contains("catalog") else { return }
        let ok = try CLI.run(["catalog", "lint", "--catalogs", Self.catalogs])
        #expect(ok.status == 0, "\(ok.error)")
        let tree = try Self.copyOfCatalogs()
        try "{\"a\": 1}\n".write(toFile: tree + "/es/common.json", atomically: true, encoding: .utf8)
        let failed = try CLI.run(["catalog", "lint", "--catalogs", tree])
        #expect(failed.status != 0)
        #expect(failed.output.contains("es/common.json"))
    }
}
