import ServiceLifecycle
import TranslationEngine

/// Probes the backends periodically for as long as the service runs.
struct BackendProbeService: Service {
    let monitor: BackendMonitor

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await monitor.runProbes()
        }
    }
}
