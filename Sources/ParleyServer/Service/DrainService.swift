import Logging
import ServiceLifecycle

/// The first service told to shut down (it is last in the service group, which shuts down in
/// reverse order): marks the server draining, so `/readyz` answers 503, and holds the shutdown
/// for `delay` while the listener still accepts. Then the HTTP server stops accepting, finishes
/// the requests it has, and the process exits — all within `server.shutdownGracePeriod`.
struct DrainService: Service {
    let state: DrainState
    let delay: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        state.begin()
        logger.info("draining: /readyz answers 503; the listener closes after the drain delay", metadata: ["delay": "\(delay)"])
        try? await Task.sleep(for: delay)
    }
}
