import AsyncHTTPClient
import Catalogs
import ArgumentParser
import Glossary
import Logging
import ParleyServer
import Prometheus
import ServiceConfiguration
import Storage
import TranslationBackends
import TranslationEngine

/// Builds what `serve` and the in-process commands (`translate`, `backends`, `detect`) share,
/// from one configuration, so that they behave the same.
enum EngineFactory {
    /// The pooled HTTP client every backend shares; refused connections fail at once (no
    /// retry until the deadline) so that failover starts immediately. It lives as long as the
    /// process; `serve` shuts it down after draining.
    static let httpClient = BackendFactory.makeHTTPClient()

    /// One client per configured backend, over the shared pooled HTTP client.
    static func backends(for configuration: ParleyConfiguration) -> [any TranslationBackend] {
        configuration.backends.map { BackendFactory.make($0, httpClient: httpClient) }
    }

    /// Closes the HTTP client's connections (at the end of a command).
    static func shutdown() async {
        try? await httpClient.shutdown()
    }

    /// The shipped language detector.
    static func detection() throws -> DetectionService {
        do {
            return try DetectionService.bundled()
        } catch {
            throw CommandFailure("cannot load the language model: \(error)")
        }
    }

    /// A translation engine for in-process commands.
    static func engine(_ configuration: ParleyConfiguration, store: (any ParleyStore)?, only backend: String? = nil, glossary: Glossary? = nil) throws -> TranslationEngine {
        var backends = backends(for: configuration)
        if let backend {
            backends = backends.filter { $0.settings.name == backend }
            guard !backends.isEmpty else {
                throw ValidationError("no backend named '\(backend)'; configured: \(configuration.backends.map(\.name).joined(separator: ", "))")
            }
        }
        var logger = Logger(label: "parley")
        logger.logLevel = .warning
        return TranslationEngine(
            backends: backends, configuration: configuration, store: store, detector: try detection(),
            registry: PrometheusCollectorRegistry(), logger: logger, glossary: glossary)
    }
}
