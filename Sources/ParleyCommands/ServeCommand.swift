import ArgumentParser
import Foundation
import Logging
import ParleyServer
import ServiceConfiguration
import TranslationBackends

/// `parley serve`: runs the HTTP service until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service.",
        discussion: """
            Flags override PARLEY_* environment variables, which override the configuration file, \
            which overrides the defaults. Example:
              parley serve --port 9090 --backend lt=libretranslate@http://127.0.0.1:5000
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default 8080; 0 picks a free one).")
    var port: Int?

    @Option(name: .customLong("backend"), help: "A backend NAME=KIND@URL (kinds: libretranslate, nllb-api, nllb-serve); repeatable; replaces the configured list.")
    var backends: [String] = []

    func run() async throws {
        let started = ContinuousClock.now
        var flags: [String: String] = [:]
        if let host { flags["server.host"] = host }
        if let port { flags["server.port"] = String(port) }
        let configuration = try common.loadConfiguration(extraFlags: flags, backends: backends)
        LoggingBootstrap.bootstrap(configuration.log)
        let logger = Logger(label: "parley")
        let store = try await common.openStore(configuration)
        let catalogs = try await CatalogBootstrap.open(configuration, store: store, logger: logger)
        let service: ParleyService
        do {
            service = try ParleyService(
                configuration: configuration, store: store, logger: logger,
                backends: EngineFactory.backends(for: configuration), detection: try EngineFactory.detection(),
                catalogs: catalogs)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        try await service.run { port in
            let elapsed = started.duration(to: .now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            logger.notice("parley is ready", metadata: [
                "address": .string("http://\(configuration.server.host):\(port)"),
                "store": .string(store.location),
                "startup_ms": .string(String(format: "%.1f", milliseconds)),
            ])
        }
        await EngineFactory.shutdown()
        LoggingBootstrap.flush()
    }
}
