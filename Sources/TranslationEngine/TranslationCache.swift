import Foundation
import Logging
import Storage
import Synchronization

/// The translation cache: a bounded in-memory layer in front of the store.
///
/// Memory holds at most `capacity` entries in two generations (a cheap approximation of
/// least-recently-used: a hit in the old generation moves the entry to the new one, and when
/// the new one fills up the old one is dropped). Misses fall through to the store; new
/// entries are written to the store in batches in the background (a crash loses at most the
/// last fraction of a second of cache, never anything a caller was promised).
/// Only successful translations are ever put here.
public final class TranslationCache: Sendable {
    public let enabled: Bool
    public let capacity: Int
    public let ttl: Duration
    let store: (any ParleyStore)?
    let metrics: EngineMetrics
    let logger: Logger

    private struct Generations {
        var young: [String: CachedTranslation] = [:]
        var old: [String: CachedTranslation] = [:]
    }
    private let memory = Mutex(Generations())
    private let pendingWrites = Mutex<[CachedTranslation]>([])
    private let flushScheduled = Mutex(false)

    public init(enabled: Bool, capacity: Int, ttl: Duration, store: (any ParleyStore)?, metrics: EngineMetrics, logger: Logger) {
        self.enabled = enabled
        self.capacity = max(capacity, 0)
        self.ttl = ttl
        self.store = store
        self.metrics = metrics
        self.logger = logger
    }

    var oldestAcceptable: Date { Date().addingTimeInterval(-DurationSeconds.of(ttl)) }

    /// The cached translation for `key`, from memory or the store.
    func lookup(_ key: String) async -> CachedTranslation? {
        guard enabled else { return nil }
        let limit = oldestAcceptable
        if let hit = memoryLookup(key), hit.createdAt >= limit {
            metrics.cacheHit(layer: "memory")
            return hit
        }
        if let store, let stored = try? await store.cachedTranslation(key: key, notBefore: limit) {
            metrics.cacheHit(layer: "store")
            remember(stored)
            return stored
        }
        metrics.cacheMiss()
        return nil
    }

    /// The cached translation for `key` if the memory layer holds it (never waits).
    func memoryHit(_ key: String) -> CachedTranslation? {
        guard enabled, let hit = memoryLookup(key), hit.createdAt >= oldestAcceptable else { return nil }
        metrics.cacheHit(layer: "memory")
        return hit
    }

    /// Keeps a successful translation; `persist: false` keeps it in memory only (for entries
    /// derived from others that the store already has).
    func insert(_ entry: CachedTranslation, persist: Bool = true) {
        guard enabled else { return }
        remember(entry)
        guard persist, store != nil else { return }
        pendingWrites.withLock { $0.append(entry) }
        scheduleFlush()
    }

    private func memoryLookup(_ key: String) -> CachedTranslation? {
        memory.withLock { generations in
            if let entry = generations.young[key] { return entry }
            guard let entry = generations.old.removeValue(forKey: key) else { return nil }
            generations.young[key] = entry
            return entry
        }
    }

    private func remember(_ entry: CachedTranslation) {
        guard capacity > 0 else { return }
        let (evicted, size) = memory.withLock { generations -> (Int, Int) in
            generations.young[entry.key] = entry
            var evicted = 0
            if generations.young.count >= max(1, capacity / 2) {
                evicted = generations.old.count
                generations.old = generations.young
                generations.young = [:]
            }
            return (evicted, generations.young.count + generations.old.count)
        }
        if evicted > 0 { metrics.cacheEvictions(evicted) }
        metrics.cacheSize(size)
    }

    private func scheduleFlush() {
        let first = flushScheduled.withLock { scheduled in
            defer { scheduled = true }
            return !scheduled
        }
        guard first else { return }
        Task {
            try? await Task.sleep(for: .milliseconds(50))
            await flush()
        }
    }

    /// Writes pending entries to the store now.
    public func flush() async {
        flushScheduled.withLock { $0 = false }
        let batch = pendingWrites.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard let store, !batch.isEmpty else { return }
        do {
            try await store.saveTranslations(batch)
        } catch {
            logger.warning("could not persist cache entries", metadata: ["error": .string("\(error)"), "entries": .stringConvertible(batch.count)])
        }
    }

    /// Drops the memory layer (the store is purged separately).
    public func clearMemory() {
        memory.withLock { $0 = Generations() }
        metrics.cacheSize(0)
    }
}
