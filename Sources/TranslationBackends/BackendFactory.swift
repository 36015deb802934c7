import AsyncHTTPClient
import Logging
import NIOCore
import ServiceConfiguration

/// Builds the client for a configured backend, and the HTTP client they share.
public enum BackendFactory {
    /// The client speaking `settings.kind`'s protocol.
    public static func make(
        _ settings: BackendSettings,
        httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "parley.backend")
    ) -> any TranslationBackend {
        var logger = logger
        logger[metadataKey: "backend"] = "\(settings.name)"
        switch settings.kind {
        case .libreTranslate: return LibreTranslateBackend(settings: settings, httpClient: httpClient, logger: logger)
        case .nllbAPI: return NLLBAPIBackend(settings: settings, httpClient: httpClient, logger: logger)
        case .nllbServe: return NLLBServeBackend(settings: settings, httpClient: httpClient, logger: logger)
        }
    }

    /// A pooled HTTP client suited to backends: a refused connection fails the call at once
    /// (no retrying until the deadline, so failover is immediate), connecting may take at most
    /// `connectTimeout`, redirects are not followed. The caller owns it and must
    /// `try await client.shutdown()` when done.
    public static func makeHTTPClient(connectTimeout: Duration = .seconds(2), maxConnectionsPerHost: Int = 16) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maxConnectionsPerHost)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = TimeAmount(connectTimeout)
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
}
