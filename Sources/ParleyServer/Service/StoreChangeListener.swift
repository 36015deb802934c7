import AccessControl
import CatalogWorkflow
import Logging
import ServiceLifecycle
import Storage
import TranslationEngine

/// Keeps this instance's in-memory copies in step with the shared store: a key created or
/// revoked anywhere drops the remembered key verdicts, a purged cache the memory layer of the
/// translation cache, a catalog change wakes the webhook monitor. When notifications may have
/// been missed (``StoreChange/resync``) it does all three.
///
/// Served catalog documents need nothing here: every `/locales` request reads the namespace
/// versions from the store, so an edit on another instance is served on the next request.
struct StoreChangeListener: Service {
    let store: any ParleyStore
    let keys: APIKeyManager
    let cache: TranslationCache
    let webhooks: WebhookChangeMonitor?
    let metrics: ServerMetrics

    func run() async throws {
        let changes = store.changes()
        await cancelWhenGracefulShutdown {
            for await change in changes {
                metrics.storeChange(change)
                switch change {
                case .keys:
                    keys.forgetRemembered()
                case .cache:
                    cache.clearMemory()
                case .catalog:
                    await webhooks?.check()
                case .resync:
                    keys.forgetRemembered()
                    await webhooks?.check()
                }
            }
        }
    }
}
