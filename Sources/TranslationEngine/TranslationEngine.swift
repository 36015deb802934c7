import Glossary
import Foundation
import Languages
import Logging
import Prometheus
import ServiceConfiguration
import Storage
import TranslationBackends

/// The path a text takes from a caller to a machine-translation server and back.
///
/// For each text and target: an equal source and target (or an undetermined source) gives the
/// text back unchanged; otherwise the cache is asked (for every route that could serve the
/// pair); on a miss, identical in-flight work is joined; otherwise the routes are tried in
/// order — each backend call goes through that backend's scheduler (batching, priority lanes)
/// and circuit breaker — failing over on retryable errors within one deadline. Only real
/// translations are cached; a failure is reported with its code, backend and retry hint and
/// never replaced by the source text.
public final class TranslationEngine: Sendable {
    public let monitor: BackendMonitor
    public let cache: TranslationCache
    public let metrics: EngineMetrics
    let planner: RoutePlanner
    let schedulers: [String: BackendScheduler]
    let detector: (any SourceDetecting)?
    let requestTimeout: Duration
    let logger: Logger
    let coalescer: InFlightCoalescer<Result<TranslatedText, EngineError>>
    /// The term base applied to every translation (dnt and forced terms); its version is part
    /// of every cache key.
    public let glossary: Glossary?

    public init(
        backends: [any TranslationBackend],
        configuration: ParleyConfiguration,
        store: (any ParleyStore)?,
        detector: (any SourceDetecting)?,
        registry: PrometheusCollectorRegistry,
        logger: Logger,
        glossary: Glossary? = nil
    ) {
        self.glossary = glossary
        let metrics = EngineMetrics(registry: registry)
        self.metrics = metrics
        self.logger = logger
        self.detector = detector
        self.requestTimeout = configuration.translation.requestTimeout
        monitor = BackendMonitor(backends: backends, settings: configuration.translation, metrics: metrics, logger: logger)
        planner = RoutePlanner(settings: configuration.routing, monitor: monitor)
        cache = TranslationCache(
            enabled: configuration.cache.enabled, capacity: configuration.cache.memoryEntries, ttl: configuration.cache.ttl,
            store: store, metrics: metrics, logger: logger)
        let limits: [PriorityLane: Int] = [
            .interactive: configuration.translation.interactiveQueue,
            .bulk: configuration.translation.bulkQueue,
            .background: configuration.translation.backgroundQueue,
        ]
        schedulers = Dictionary(uniqueKeysWithValues: backends.map {
            ($0.settings.name, BackendScheduler(backend: $0, queueLimits: limits, metrics: metrics))
        })
        coalescer = InFlightCoalescer(onCoalesced: { metrics.coalesced() })
    }

    /// The source of `text`: given, or detected.
    public func source(of text: String, _ source: SourceLanguage) -> DetectedSource {
        switch source {
        case .language(let language): DetectedSource(language: language, confidence: 1)
        case .auto: detector?.detectSource(text) ?? DetectedSource(language: nil, confidence: 0)
        }
    }

    /// The glossary version that goes into cache keys.
    public var glossaryVersion: String { glossary?.version ?? "none" }

    /// Translates several texts into several targets; every text and target independently
    /// (one failure never fails the others). Results are in input order.
    public func translate(
        _ texts: [String], from source: SourceLanguage, to targets: [Language],
        format: TextFormat = .text, lane: PriorityLane = .interactive
    ) async -> [TextTranslation] {
        if texts.count == 1 {
            return [await translate(texts[0], from: source, to: targets, format: format, lane: lane)]
        }
        return await withTaskGroup(of: (Int, TextTranslation).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask {
                    (index, await self.translate(text, from: source, to: targets, format: format, lane: lane))
                }
            }
            var results = [TextTranslation?](repeating: nil, count: texts.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    /// Translates one text into several targets. Plain text keeps URLs, @handles, #tags,
    /// emoji, `code` and glossary terms intact (they never reach the backend); HTML is left to
    /// the backend's markup handling.
    public func translate(
        _ text: String, from source: SourceLanguage, to targets: [Language],
        format: TextFormat = .text, lane: PriorityLane = .interactive
    ) async -> TextTranslation {
        let detected = self.source(of: text, source)
        let deadline = ContinuousClock.now + requestTimeout
        var results: [Language: Result<TranslatedText, EngineError>] = [:]
        guard let sourceLanguage = detected.language else {
            for target in targets { results[target] = .success(TranslatedText(text: text, backend: nil, cached: false, unchanged: true)) }
            return TextTranslation(source: detected, results: results)
        }
        if let target = targets.first, targets.allSatisfy({ $0 == target }) {
            results[target] = await translate(text, from: sourceLanguage, to: target, format: format, lane: lane, deadline: deadline)
            return TextTranslation(source: detected, results: results)
        }
        let distinctTargets = Set(targets)
        await withTaskGroup(of: (Language, Result<TranslatedText, EngineError>).self) { group in
            for target in distinctTargets {
                group.addTask {
                    (target, await self.translate(text, from: sourceLanguage, to: target, format: format, lane: lane, deadline: deadline))
                }
            }
            for await (target, result) in group { results[target] = result }
        }
        return TextTranslation(source: detected, results: results)
    }

    /// One text into one target from a known source: unchanged when they are equal; plain
    /// text through span protection, HTML as it is.
    private func translate(
        _ text: String, from source: Language, to target: Language, format: TextFormat, lane: PriorityLane, deadline: ContinuousClock.Instant
    ) async -> Result<TranslatedText, EngineError> {
        let pair = LanguagePair(source, target)
        if target == source {
            return .success(TranslatedText(text: text, backend: nil, cached: false, unchanged: true))
        }
        if format == .text {
            return await translateProtected(text, pair: pair, lane: lane, deadline: deadline)
        }
        return await translate(text, pair: pair, format: format, lane: lane, glossaryVersion: glossaryVersion, deadline: deadline)
    }

    /// Translates one text for one pair.
    public func translate(
        _ text: String, pair: LanguagePair, format: TextFormat, lane: PriorityLane,
        glossaryVersion: String, deadline: ContinuousClock.Instant
    ) async -> Result<TranslatedText, EngineError> {
        if pair.source == pair.target {
            return .success(TranslatedText(text: text, backend: nil, cached: false, unchanged: true))
        }
        let work = TranslationWork(text: text, pair: pair, format: format, glossaryVersion: glossaryVersion)
        let routes = await planner.routes(for: pair)
        guard !routes.isEmpty else {
            // A backend whose languages could not be asked (it is down) may well serve the
            // pair: that is "unavailable, retry", not "nobody translates this".
            let unknown = planner.undiscoveredBackends()
            if !unknown.isEmpty {
                metrics.translations(outcome: "unavailable")
                return .failure(.backendsUnavailable(pair, backends: unknown, retryAfterSeconds: monitor.retryAfterSeconds(unknown)))
            }
            metrics.translations(outcome: "no_route")
            return .failure(.noRoute(pair))
        }
        if let hit = await cachedTranslation(of: work, routes: routes) {
            return .success(hit)
        }
        let result = await coalescer.run(key: work.workKey + "|" + lane.rawValue) {
            await self.execute(work, routes: routes, lane: lane, deadline: deadline)
        }
        metrics.translations(outcome: (try? result.get()) == nil ? "failed" : "translated")
        return result
    }

    /// The cached translation of `work` by any of `routes` (in route order), from memory or
    /// the store.
    func cachedTranslation(of work: TranslationWork, routes: [TranslationRoute]) async -> TranslatedText? {
        for route in routes {
            if let hit = await cache.lookup(work.cacheKey(model: modelIdentity(of: route))) { return answer(hit) }
        }
        return nil
    }

    /// The same from the memory layer alone: the hot path of a repeated text, answered
    /// without waiting on anything.
    func memoryCachedTranslation(of work: TranslationWork, routes: [TranslationRoute]) -> TranslatedText? {
        for route in routes {
            if let hit = cache.memoryHit(work.cacheKey(model: modelIdentity(of: route))) { return answer(hit) }
        }
        return nil
    }

    private func answer(_ hit: CachedTranslation) -> TranslatedText {
        metrics.translations(outcome: "cached")
        return TranslatedText(text: hit.text, backend: hit.backend, cached: true, unchanged: false)
    }

    /// Tries the routes in order until one works.
    private func execute(_ work: TranslationWork, routes: [TranslationRoute], lane: PriorityLane, deadline: ContinuousClock.Instant) async -> Result<TranslatedText, EngineError> {
        var lastFailure: (backend: String, error: BackendError)?
        var unavailable: [String] = []
        var overloaded = false
        for route in routes {
            guard ContinuousClock.now < deadline else { break }
            guard route.backendNames.allSatisfy(monitor.isAvailable) else {
                unavailable.append(contentsOf: route.backendNames.filter { !monitor.isAvailable($0) })
                continue
            }
            let outcome: Result<String, RouteFailure>
            switch route {
            case .direct(let backend):
                outcome = await call(backend, work.text, pair: work.pair, format: work.format, lane: lane, deadline: deadline)
            case .pivot(let first, let pivot, let second):
                let firstLeg = await call(first, work.text, pair: LanguagePair(work.pair.source, pivot), format: work.format, lane: lane, deadline: deadline)
                switch firstLeg {
                case .success(let intermediate):
                    outcome = await call(second, intermediate, pair: LanguagePair(pivot, work.pair.target), format: work.format, lane: lane, deadline: deadline)
                case .failure(let failure):
                    outcome = .failure(failure)
                }
            }
            switch outcome {
            case .success(let text):
                cache.insert(CachedTranslation(key: work.cacheKey(model: modelIdentity(of: route)), text: text, backend: route.description, createdAt: Date()))
                return .success(TranslatedText(text: text, backend: route.description, cached: false, unchanged: false))
            case .failure(.overloaded):
                overloaded = true
            case .failure(.backend(let backend, let error)):
                lastFailure = (backend, error)
                if !error.isRetryable { break }
            }
            if let lastFailure, !lastFailure.error.isRetryable { break }
        }
        if let lastFailure {
            let retryAfter: Int
            if case .rateLimited(let seconds?) = lastFailure.error { retryAfter = seconds } else { retryAfter = monitor.retryAfterSeconds([lastFailure.backend]) }
            return .failure(.backendsFailed(backend: lastFailure.backend, last: lastFailure.error, retryAfterSeconds: retryAfter))
        }
        if overloaded { return .failure(.overloaded(lane: lane, retryAfterSeconds: 1)) }
        if !unavailable.isEmpty {
            let names = Array(Set(unavailable)).sorted()
            return .failure(.backendsUnavailable(work.pair, backends: names, retryAfterSeconds: monitor.retryAfterSeconds(names)))
        }
        return .failure(.timedOut)
    }

    enum RouteFailure: Error {
        case overloaded
        case backend(String, BackendError)
    }

    /// One backend call for one text, through the backend's breaker and scheduler.
    private func call(_ name: String, _ text: String, pair: LanguagePair, format: TextFormat, lane: PriorityLane, deadline: ContinuousClock.Instant) async -> Result<String, RouteFailure> {
        guard let scheduler = schedulers[name] else { return .failure(.backend(name, .unsupportedPair(pair))) }
        guard monitor.acquireCall(name) else { return .failure(.backend(name, .connectionFailed("circuit open"))) }
        let start = ContinuousClock.now
        let result: Result<String, BackendError>
        do {
            result = try await scheduler.submit(text, pair: pair, format: format, lane: lane, deadline: deadline)
        } catch {
            return .failure(.overloaded)
        }
        let elapsed = start.duration(to: .now)
        metrics.backendLatency(backend: name, duration: elapsed)
        switch result {
        case .success(let output):
            if Self.isEcho(output, of: text) {
                monitor.recordFailure(name, error: .echoedInput)
                return .failure(.backend(name, .echoedInput))
            }
            monitor.recordSuccess(name, latency: elapsed)
            return .success(output)
        case .failure(let error):
            monitor.recordFailure(name, error: error)
            logger.debug("backend call failed", metadata: ["backend": .string(name), "code": .string(error.code)])
            return .failure(.backend(name, error))
        }
    }

    /// Whether `output` is just `input` handed back: identical, and `input` is non-trivial
    /// (at least two words with letters and 12 characters) — a backend failing quietly.
    static func isEcho(_ output: String, of input: String) -> Bool {
        let trimmedInput = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard output.trimmingCharacters(in: .whitespacesAndNewlines) == trimmedInput, trimmedInput.count >= 12 else { return false }
        let words = trimmedInput.split(whereSeparator: \.isWhitespace).filter { $0.contains(where: \.isLetter) }
        return words.count >= 2
    }

    func modelIdentity(of route: TranslationRoute) -> String {
        func identity(_ name: String) -> String { monitor.backend(named: name)?.settings.modelIdentity ?? name }
        switch route {
        case .direct(let backend): return identity(backend)
        case .pivot(let first, let pivot, let second): return "\(identity(first))>\(pivot.code)>\(identity(second))"
        }
    }
}
