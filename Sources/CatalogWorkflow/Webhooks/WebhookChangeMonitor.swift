import ServiceLifecycle
import Storage

/// Turns catalog version changes into `catalog.changed` webhook events.
///
/// Every change to a catalog bumps its namespace version in the store (that is the served
/// ETag), whoever made it — the API, `parley catalog import` or `pretranslate` in another
/// process. The monitor compares all versions with the last ones it saw and sends an event per
/// changed namespace and language. API edits call ``changed(language:namespace:)`` right after
/// committing; run as a service it also polls every `interval`, which catches the CLI's
/// changes.
public actor WebhookChangeMonitor: Service {
    let store: any AuditStore
    public nonisolated let notifier: WebhookNotifier
    let interval: Duration
    private var known: [CatalogVersionKey: Int]?

    public init(store: any AuditStore, notifier: WebhookNotifier, interval: Duration = .seconds(5)) {
        self.store = store
        self.notifier = notifier
        self.interval = interval
    }

    /// `language`/`namespace` changed (and possibly others): notify every change since the last check.
    public func changed(language: String, namespace: String) async {
        await check(certain: CatalogVersionKey(namespace: namespace, language: language))
    }

    /// Compares the versions with the last ones seen and notifies each change (the first call
    /// only records them, apart from `certain`). Each event is named by the version it saw, so
    /// that instances noticing the same change queue the same delivery.
    public func check(certain: CatalogVersionKey? = nil) async {
        guard let versions = try? await store.allCatalogVersions() else {
            // The store is unreachable: keep the last versions seen (the next check sends what
            // changed meanwhile) and tell about the one change known for certain.
            if let certain { await notifier.send(.catalogChanged(language: certain.language, namespace: certain.namespace)) }
            return
        }
        var changed: Set<CatalogVersionKey> = []
        if let known {
            for (key, version) in versions where known[key] != version { changed.insert(key) }
        }
        if let certain { changed.insert(certain) }
        known = versions
        for key in changed.sorted() {
            await notifier.send(.catalogChanged(language: key.language, namespace: key.namespace, version: versions[key]))
        }
    }

    /// Polls until cancelled or graceful shutdown.
    public func run() async throws {
        await check()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: self.interval) } catch { return }
                await self.check()
            }
        }
    }
}
