import AccessControl
import Catalogs
import CatalogWorkflow
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceConfiguration
import ServiceLifecycle
import Storage
import TranslationBackends
import TranslationEngine

/// The assembled HTTP service: configuration, store, keys, metrics and routes.
///
/// ```swift
/// let service = try ParleyService(configuration: configuration, store: store, logger: logger)
/// try await service.run()          // until SIGTERM/SIGINT, then drains in-flight requests
/// ```
/// Tests use ``makeApplication()`` with HummingbirdTesting, or ``makeRouter()`` directly.
public struct ParleyService: Sendable {
    public let configuration: ParleyConfiguration
    public let store: any ParleyStore
    public let keys: APIKeyManager
    public let metrics: ServerMetrics
    public let logger: Logger
    public let engine: TranslationEngine
    public let detection: DetectionService
    public let catalogs: CatalogService
    /// Pre-translation jobs, kept in the store and run by whichever instance claims them.
    public let jobs: JobRegistry
    /// Tells the configured webhook about catalog changes; `nil` when none is configured.
    public let webhookMonitor: WebhookChangeMonitor?
    public let routes = RouteTable()
    let anonymousScopes: [Scope]
    /// Anonymous callers per client address (the address an instance sees is its own).
    let limiter: RateLimiter
    /// API keys: shared by every instance on PostgreSQL, ``limiter`` itself on SQLite.
    let keyLimiter: any RequestRateLimiting
    /// Refused keys per client address.
    let invalidKeys: RateLimiter
    /// Extra routes (used by tests and later parts of Parley) registered after the built-in ones.
    let extraRoutes: @Sendable (ParleyRouter) -> Void
    /// Machine translation for catalog pre-translation; `nil` means through ``engine``.
    let pretranslate: PretranslateFunction?
    /// Machine suggestions for the translator API (`nil`: through the engine).
    let suggest: NamedTranslateFunction?
    /// The translator web app's files.
    let studio: StudioFiles
    /// Set on SIGTERM; `/readyz` answers 503 from then on.
    public let drain = DrainState()
    /// Open connections, bounded by `server.maxConnections`.
    let connections = OpenConnections()

    /// - Parameters:
    ///   - backends: the translation backends (from ``BackendFactory`` for the configured ones).
    ///   - detection: the language detector (``DetectionService/bundled()`` in production).
    ///   - catalogs: the UI catalogs (default: over `store`, without a glossary).
    /// - Throws: ``ConfigurationError`` when the anonymous scopes do not parse.
    public init(
        configuration: ParleyConfiguration,
        store: any ParleyStore,
        logger: Logger,
        metrics: ServerMetrics = ServerMetrics(),
        backends: [any TranslationBackend] = [],
        detection: DetectionService,
        catalogs: CatalogService? = nil,
        jobs: JobRegistry? = nil,
        pretranslate: PretranslateFunction? = nil,
        suggest: NamedTranslateFunction? = nil,
        webhookMonitor: WebhookChangeMonitor? = nil,
        extraRoutes: @escaping @Sendable (ParleyRouter) -> Void = { _ in }
    ) throws(ConfigurationError) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.metrics = metrics
        self.keys = APIKeyManager(store: store)
        self.detection = detection
        let catalogs = catalogs ?? CatalogService(store: store)
        self.catalogs = catalogs
        self.jobs = jobs ?? JobRegistry(store: store, lease: configuration.store.jobLease, logger: logger)
        if let webhookMonitor {
            self.webhookMonitor = webhookMonitor
        } else if let url = configuration.webhook.url {
            self.webhookMonitor = WebhookChangeMonitor(
                store: store,
                notifier: WebhookNotifier(
                    settings: WebhookSettings(url: url, secret: configuration.webhook.secret, maxAttempts: configuration.webhook.maxAttempts),
                    // A registry of its own, so that long pre-translations never hold up a delivery.
                    queue: JobRegistry(store: store, lease: configuration.store.jobLease, maxConcurrent: 4, logger: logger),
                    logger: logger),
                interval: configuration.webhook.pollInterval)
        } else {
            self.webhookMonitor = nil
        }
        self.engine = TranslationEngine(
            backends: backends, configuration: configuration, store: store, detector: detection,
            registry: metrics.registry, logger: logger, glossary: catalogs.glossary)
        self.pretranslate = pretranslate
        self.suggest = suggest
        self.studio = StudioFiles(directory: configuration.studioDirectory)
        self.extraRoutes = extraRoutes
        do {
            anonymousScopes = try .parsing(configuration.auth.effectiveAnonymousScopes(for: configuration.server))
        } catch {
            throw ConfigurationError(field: "auth.anonymousScopes", reason: error.description)
        }
        let rate = configuration.auth.rateLimit
        limiter = RateLimiter(requestsPerSecond: rate.requestsPerSecond, burst: rate.burst)
        // On PostgreSQL, instances share a key's bucket; on SQLite there is one instance.
        if StoreURL.isShared(configuration.store.url) {
            keyLimiter = SharedRateLimiter(store: store, requestsPerSecond: rate.requestsPerSecond, burst: rate.burst, logger: logger)
        } else {
            keyLimiter = limiter
        }
        invalidKeys = RateLimiter(requestsPerSecond: configuration.auth.invalidKeyLimit.requestsPerSecond, burst: configuration.auth.invalidKeyLimit.burst)
    }

    /// The router with every middleware and route.
    public func makeRouter() -> Router<ParleyRequestContext> {
        let router = Router(context: ParleyRequestContext.self)
        routes.removeAll()
        router.add(middleware: RequestEnvelopeMiddleware(
            accessLog: AccessLog(metrics: metrics),
            cors: CORSPolicy(settings: configuration.server.cors),
            errors: ErrorResponder(routes: routes, maxBodySize: configuration.server.maxBodySize),
            bodyLimit: BodyLimit(maxBodySize: configuration.server.maxBodySize),
            drain: drain))
        router.add(middleware: AuthenticationMiddleware(
            keys: keys, anonymousScopes: anonymousScopes, keyLimiter: keyLimiter, addressLimiter: limiter, invalidKeys: invalidKeys))
        let parleyRouter = ParleyRouter(router: router, routes: routes)
        HealthRoutes(store: store, backends: engine.monitor, metrics: metrics, publicMetrics: configuration.auth.publicMetrics, drain: drain)
            .register(on: parleyRouter)
        LanguageRoutes(backends: engine.monitor).register(on: parleyRouter)
        TranslationRoutes(engine: engine, limits: configuration.limits).register(on: parleyRouter)
        ChatTranslateRoutes(engine: engine, limits: configuration.limits).register(on: parleyRouter)
        GlossaryRoutes(glossary: catalogs.glossary).register(on: parleyRouter)
        DetectionRoutes(detection: detection, limits: configuration.limits).register(on: parleyRouter)
        LibreTranslateRoutes(engine: engine, detection: detection, keys: keys, limits: configuration.limits).register(on: parleyRouter)
        CatalogRoutes(catalogs: catalogs, publicCatalogs: configuration.auth.publicCatalogs).register(on: parleyRouter)
        let edit = CatalogEditRoutes(catalogs: catalogs, jobs: jobs, pretranslate: pretranslate ?? Pretranslator.engineFunction(engine), webhooks: webhookMonitor)
        edit.register(on: parleyRouter)
        CatalogAssistRoutes(edit: edit, suggester: MachineSuggester(catalogs: catalogs, translate: suggest ?? MachineSuggester.engineFunction(engine)))
            .register(on: parleyRouter)
        SessionRoutes().register(on: parleyRouter)
        StudioRoutes(files: studio).register(on: parleyRouter)
        OpenAPIRoute().register(on: parleyRouter)
        extraRoutes(parleyRouter)
        return router
    }

    /// The Hummingbird application listening where configuration says.
    public func makeApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let server = configuration.server
        let limits = ConnectionLimits(server)
        let connections = connections
        let logger = logger
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(limits: limits, connections: connections, logger: logger)],
            idleTimeout: TimeAmount(server.idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: server.maxHeaderSize, maxHeaderListSize: server.maxHeaderSize, maxHeaderFieldCount: 200))
        return Application(
            router: makeRouter(),
            server: .http1(configuration: http1),
            configuration: .init(
                address: .hostname(configuration.server.host, port: configuration.server.port),
                serverName: "parley"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Runs until SIGTERM or SIGINT, then drains: `/readyz` answers 503 for `server.drainDelay`
    /// while requests are still accepted, then the listener closes and in-flight requests finish
    /// (all within `server.shutdownGracePeriod`).
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var services: [any Service] = [makeApplication(onServerRunning: onServerRunning), BackendProbeService(monitor: engine.monitor)]
        services.append(jobs)
        if let webhookMonitor {
            services.append(webhookMonitor)
            if let queue = webhookMonitor.notifier.queue { services.append(queue) }
        }
        services.append(StoreChangeListener(store: store, keys: keys, cache: engine.cache, webhooks: webhookMonitor, metrics: metrics))
        // Last, so the group (which shuts down in reverse order) tells it first.
        services.append(DrainService(state: drain, delay: configuration.server.drainDelay, logger: logger))
        var groupConfiguration = ServiceGroupConfiguration(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.server.shutdownGracePeriod
        try await ServiceGroup(configuration: groupConfiguration).run()
        await engine.cache.flush()
    }
}
