import Catalogs
import CatalogWorkflow
import Foundation
import Languages
@testable import ParleyCommands
import ParleyServer
import Storage
import Testing

@Suite("parley catalog pretranslate")
struct PretranslateCommandTests {
    static func catalogs() async throws -> CatalogService {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-pretranslate-cli-\(UUID().uuidString)").path
        let catalogs = CatalogService(store: try SQLiteStore(directory: directory))
        _ = try await catalogs.importTree(from: CLI.repositoryRoot.appendingPathComponent("Catalogs").path)
        for key in ["popover.close.title", "input.send", "notification.ariaLabel"] {
            let entry = try #require(try await catalogs.entry(language: .spanish, namespace: "dm", key: key))
            _ = try await catalogs.setState(language: .spanish, namespace: "dm", key: key, state: .untranslated, expectedRevision: entry.revision, author: "test")
        }
        return catalogs
    }

    @Test func runsWithATranslateFunctionAndStoresMachineValues() async throws {
        let catalogs = try await Self.catalogs()
        let translate: PretranslateFunction = { texts, _, target in
            #expect(target == .spanish)
            return texts.map { "ES " + $0 }
        }
        let report = try await CatalogPretranslateCommand.run(
            catalogs: catalogs, request: PretranslationRequest(language: .spanish, namespace: "dm", onlyMissing: true, author: "cli"),
            translate: translate, showProgress: false)
        #expect(report.progress.total == 3)
        #expect(report.progress.translated == 3, "\(report.failures)")
        let notification = try #require(try await catalogs.entry(language: .spanish, namespace: "dm", key: "notification.ariaLabel"))
        #expect(notification.state == .machine)
        // Both placeholders survived the machine.
        #expect(notification.value?.representative.contains("{{senderDid}}") == true)
        #expect(notification.value?.representative.contains("{{preview}}") == true)
        #expect(report.summary.hasPrefix("es: 3 keys, 3 translated"))
    }

    @Test func anEngineWithoutBackendsStopsWithTheReason() async throws {
        let catalogs = try await Self.catalogs()
        let engine = try EngineFactory.engine(.init(), store: nil)
        let report = try await CatalogPretranslateCommand.run(
            catalogs: catalogs, request: PretranslationRequest(language: .spanish, namespace: "dm", onlyMissing: true),
            translate: Pretranslator.engineFunction(engine), showProgress: false)
        #expect(report.stoppedReason != nil)
        #expect(report.progress.failed == 3)
        #expect(try await catalogs.entry(language: .spanish, namespace: "dm", key: "notification.ariaLabel")?.state == .untranslated)
    }

    @Test func theProgressBarShowsCountRateAndETA() {
        let bar = PretranslationProgressBar(label: "ar", width: 10)
        var progress = PretranslationProgress()
        progress.total = 200
        progress.done = 50
        let line = bar.line(progress, elapsed: 10)
        #expect(line == "ar [██░░░░░░░░] 50/200 25%  5.0 keys/s  ETA 30s")
        progress.done = 200
        #expect(bar.line(progress, elapsed: 125).hasSuffix("in 2m05s"))
        progress.done = 0
        #expect(bar.line(progress, elapsed: 0).hasSuffix("ETA --"))
        #expect(PretranslationProgressBar.duration(7260) == "2h01m")
    }
}
