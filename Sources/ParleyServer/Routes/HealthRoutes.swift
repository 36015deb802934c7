import Hummingbird
import TranslationEngine
import Storage

/// `/healthz` (the process answers), `/readyz` (the service can do its job) and `/metrics`.
struct HealthRoutes {
    let store: any ParleyStore
    let backends: any BackendStatusProvider
    let metrics: ServerMetrics
    let publicMetrics: Bool
    let drain: DrainState

    struct Liveness: Codable { var status = "ok" }

    struct Readiness: Codable {
        struct StoreState: Codable {
            var state: String
            var location: String
            var error: String?
            /// PostgreSQL only: `listening` for change notifications, or `polling` while they are down.
            var notifications: String?
        }
        var status: String
        var store: StoreState
        var backends: [BackendStatus]
    }

    func register(on router: ParleyRouter) {
        router.get("/healthz") { _, _ in
            try JSONResponse.make(Liveness())
        }
        router.get("/readyz") { _, _ in
            try await readiness()
        }
        router.get("/metrics") { _, context in
            if !publicMetrics { try context.require(.admin) }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }

    /// 200 when the store answers and either no backend is configured or one is healthy, and
    /// the server is not shutting down (then 503 `draining`). A store that does not answer is
    /// 503 `degraded` while a backend is healthy — translations still work (memory cache and
    /// backends), catalog writes and keys not yet seen do not — and `not_ready` otherwise.
    func readiness() async throws -> Response {
        var storeState = Readiness.StoreState(state: "ok", location: store.location)
        if let postgres = store as? PostgresStore { storeState.notifications = postgres.isListening ? "listening" : "polling" }
        do {
            try await store.ping()
        } catch {
            storeState.state = "unavailable"
            storeState.error = "\(error)"
        }
        metrics.storeUp(storeState.state == "ok")
        let statuses = await backends.backendStatuses()
        let backendHealthy = statuses.contains { $0.state == .healthy }
        let backendsReady = statuses.isEmpty || backendHealthy
        let draining = drain.isDraining
        let ready = storeState.state == "ok" && backendsReady && !draining
        let status = draining ? "draining" : ready ? "ready" : storeState.state != "ok" && backendHealthy ? "degraded" : "not_ready"
        let body = Readiness(status: status, store: storeState, backends: statuses)
        return try JSONResponse.make(body, status: ready ? .ok : .serviceUnavailable)
    }
}
