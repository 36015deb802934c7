import ArgumentParser
import Catalogs
import CatalogWorkflow
import Foundation
import Languages
import ParleyServer
import ServiceConfiguration

/// `parley catalog pretranslate --lang L [--ns N] [--only-missing]`: fills missing values of a
/// language by machine translation through the configured backends (background lane, glossary
/// protected), storing them in state `machine`; a progress bar with rate and ETA goes to stderr.
struct CatalogPretranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretranslate",
        abstract: "Machine-translate the missing values of a catalog language (stored as 'machine').",
        discussion: """
            Untranslated keys (and, without --only-missing, earlier machine values) are translated from English \
            through the configured backends in the background lane. Placeholders, $t() and markup are protected; \
            plural forms come from the English form for a representative number of each category; values failing \
            QA are not stored (their findings are recorded). Values translators saved are never touched. \
            The served ETag changes at once, for a running server too.
            """
    )
    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("lang"), help: "The target language (es ru ar uk ga sw ha).") var language: String
    @Option(name: .customLong("ns"), help: "Only this namespace.") var namespace: String?
    @Flag(help: "Only keys without a value (leave earlier machine values as they are).") var onlyMissing = false
    @Option(name: .customLong("backend"), help: "A backend NAME=KIND@URL replacing the configured ones; repeatable.") var backendSpecs: [String] = []
    @Option(help: "Recorded as the author of the revisions.") var author: String = "machine (cli)"
    @Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        let configuration = try common.loadConfiguration(backends: backendSpecs)
        guard let target = Language(rawValue: language.lowercased()) else {
            throw ValidationError("--lang \(language) is not one of \(Language.supportedCodes.joined(separator: " "))")
        }
        let catalogs = try await CatalogCommand.service(common, configuration)
        let engine = try EngineFactory.engine(configuration, store: try await common.openStore(configuration), glossary: catalogs.glossary)
        let translate = Pretranslator.engineFunction(engine)
        let request = PretranslationRequest(language: target, namespace: namespace, onlyMissing: onlyMissing, author: author)
        let report = try await Self.run(catalogs: catalogs, request: request, translate: translate, showProgress: !quiet)
        await EngineFactory.shutdown()
        print(report.summary)
        for failure in report.failures.prefix(50) {
            print("  \(failure.namespace):\(failure.key): \(failure.reason)\(failure.findings.isEmpty ? "" : " — " + failure.findings.joined(separator: "; "))")
        }
        if report.stoppedReason != nil { throw ExitCode(3) }
    }

    /// Runs a pre-translation with `translate`, drawing the progress bar on stderr when
    /// `showProgress`; what the command does once its engine is built.
    static func run(catalogs: CatalogService, request: PretranslationRequest, translate: @escaping PretranslateFunction, showProgress: Bool = true) async throws -> PretranslationReport {
        let bar = PretranslationProgressBar(label: request.language.code)
        do {
            let report = try await Pretranslator(catalogs: catalogs, translate: translate).run(request) { progress in
                if showProgress { bar.draw(progress) }
            }
            if showProgress { bar.finish() }
            return report
        } catch let error as PretranslationError {
            throw CommandFailure("\(error)")
        }
    }
}
