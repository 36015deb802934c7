import Foundation
import Logging
import ServiceConfiguration
import Synchronization
import TranslationBackends

/// Knows, for every configured backend, whether calls may go to it (circuit breaker), how
/// fast it has been (latency moving average), which pairs it serves (discovered), and what
/// went wrong last. Probes every backend periodically; `/readyz` and `/v1/languages` read it.
public final class BackendMonitor: BackendStatusProvider, Sendable {
    public let backends: [any TranslationBackend]
    let metrics: EngineMetrics
    let logger: Logger
    let probeInterval: Duration
    private let states: Mutex<[String: BackendState]>
    private let planChanges = Atomic<UInt64>(0)

    /// Bumped whenever something a route plan depends on changes by an event: a breaker
    /// changing state, a backend's pairs discovered (``RoutePlanMemo``).
    var planVersion: UInt64 { planChanges.load(ordering: .acquiring) }
    private let clock = ContinuousClock()

    struct BackendState: Sendable {
        var breaker: CircuitBreaker
        var latencySeconds: Double?
        var pairs: Set<LanguagePair>?
        var lastError: String?
        var everAnswered = false
    }

    public init(backends: [any TranslationBackend], settings: TranslationSettings, metrics: EngineMetrics, logger: Logger) {
        self.backends = backends
        self.metrics = metrics
        self.logger = logger
        self.probeInterval = settings.probeInterval
        var initial: [String: BackendState] = [:]
        for backend in backends {
            initial[backend.settings.name] = BackendState(breaker: CircuitBreaker(threshold: settings.breakerThreshold, cooldown: settings.breakerCooldown))
        }
        states = Mutex(initial)
    }

    func backend(named name: String) -> (any TranslationBackend)? {
        backends.first { $0.settings.name == name }
    }

    // MARK: Breaker

    /// Whether a call may go to `name` now (takes the half-open trial slot if that is the case).
    func acquireCall(_ name: String) -> Bool {
        let now = clock.now
        let (allowed, changed) = states.withLock { states -> (Bool, Bool) in
            guard let before = states[name]?.breaker.state else { return (false, false) }
            let allowed = states[name]?.breaker.allowsCall(now: now) ?? false
            return (allowed, states[name]?.breaker.state != before)
        }
        if changed { planChanged() }
        return allowed
    }

    private func planChanged() {
        planChanges.add(1, ordering: .releasing)
    }

    /// Whether calls would be allowed, without side effects (for planning).
    func isAvailable(_ name: String) -> Bool {
        let now = clock.now
        return states.withLock { $0[name]?.breaker.wouldAllowCall(now: now) ?? false }
    }

    func recordSuccess(_ name: String, latency: Duration) {
        let seconds = Double(latency.components.seconds) + Double(latency.components.attoseconds) / 1e18
        let state = states.withLock { states -> CircuitBreaker.State? in
            guard var entry = states[name] else { return nil }
            let before = entry.breaker.state
            entry.breaker.recordSuccess()
            if entry.breaker.state != before { planChanged() }
            entry.latencySeconds = entry.latencySeconds.map { $0 * 0.8 + seconds * 0.2 } ?? seconds
            entry.lastError = nil
            entry.everAnswered = true
            states[name] = entry
            return entry.breaker.state
        }
        if let state { metrics.breakerState(backend: name, state: state) }
    }

    func recordFailure(_ name: String, error: BackendError) {
        metrics.backendError(backend: name, code: error.code)
        guard error.indicatesUnhealthyBackend else {
            states.withLock { $0[name]?.lastError = error.description }
            return
        }
        let now = clock.now
        let state = states.withLock { states -> CircuitBreaker.State? in
            guard var entry = states[name] else { return nil }
            let before = entry.breaker.state
            entry.breaker.recordFailure(now: now)
            if entry.breaker.state != before { planChanged() }
            entry.lastError = error.description
            states[name] = entry
            return entry.breaker.state
        }
        if let state {
            metrics.breakerState(backend: name, state: state)
            if state == .open { logger.warning("backend circuit open", metadata: ["backend": .string(name), "error": .string(error.description)]) }
        }
    }

    /// Seconds until an open breaker lets a trial call through.
    func retryAfterSeconds(_ names: [String]) -> Int {
        let cooldowns = names.compactMap { name in states.withLock { $0[name]?.breaker.cooldown } }
        return max(1, Int(cooldowns.map { DurationSeconds.of($0) }.min() ?? 1))
    }

    func latency(_ name: String) -> Double {
        states.withLock { $0[name]?.latencySeconds } ?? .greatestFiniteMagnitude
    }

    // MARK: Capabilities

    /// The pairs `name` serves, or `nil` while they have not been discovered.
    func knownPairs(of name: String) -> Set<LanguagePair>? {
        states.withLock { $0[name]?.pairs }
    }

    /// The pairs `name` serves, discovering them on first use.
    func pairs(of name: String) async -> Set<LanguagePair> {
        if let known = knownPairs(of: name) { return known }
        guard let backend = backend(named: name) else { return [] }
        do {
            let capabilities = try await backend.discoverCapabilities()
            discovered(capabilities.pairs, for: name)
            return capabilities.pairs
        } catch {
            states.withLock { $0[name]?.lastError = error.description }
            return []
        }
    }

    private func discovered(_ pairs: Set<LanguagePair>, for name: String) {
        let changed = states.withLock { states -> Bool in
            defer { states[name]?.pairs = pairs }
            return states[name]?.pairs != pairs
        }
        if changed { planChanged() }
    }

    // MARK: Probing

    /// Probes every backend once: health, then capabilities.
    public func probeAll() async {
        await withTaskGroup(of: Void.self) { group in
            for backend in backends {
                group.addTask { await self.probe(backend) }
            }
        }
    }

    private func probe(_ backend: any TranslationBackend) async {
        let name = backend.settings.name
        let start = clock.now
        do {
            try await backend.probeHealth()
            let capabilities = try await backend.discoverCapabilities()
            discovered(capabilities.pairs, for: name)
            recordSuccess(name, latency: start.duration(to: clock.now))
        } catch {
            recordFailure(name, error: error)
        }
    }

    /// Probes every `probeInterval` until cancelled.
    public func runProbes() async {
        while !Task.isCancelled {
            await probeAll()
            try? await Task.sleep(for: probeInterval)
        }
    }

    // MARK: BackendStatusProvider

    public func backendStatuses() async -> [BackendStatus] {
        let now = clock.now
        return backends.map { backend in
            let name = backend.settings.name
            let entry = states.withLock { $0[name] }
            let state: BackendStatus.State
            switch (entry?.breaker.state, entry?.everAnswered) {
            case (.open?, _), (.halfOpen?, _): state = .unhealthy
            case (_, true?) where entry?.lastError == nil: state = .healthy
            case (_, _) where entry?.lastError != nil: state = .unhealthy
            default: state = .unknown
            }
            _ = now
            return BackendStatus(
                name: name, kind: backend.settings.kind.rawValue, url: backend.settings.url, state: state,
                detail: entry?.lastError ?? (state == .unknown ? "not probed yet" : nil),
                pairs: (entry?.pairs ?? []).sorted().map(\.description),
                breaker: entry?.breaker.state.rawValue,
                latencyMilliseconds: entry?.latencySeconds.map { ($0 * 1000 * 10).rounded() / 10 })
        }
    }
}

/// Converts durations to seconds.
enum DurationSeconds {
    static func of(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
