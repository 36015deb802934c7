import Prometheus
import Synchronization

/// The translation engine's Prometheus metrics: per backend latency, errors by kind, breaker
/// state and batch sizes; per lane queue depth and wait; cache hits, misses, evictions and
/// size; coalesced requests.
public final class EngineMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]

    /// Collectors made so far, by name and label values: recording on the hot path is one
    /// dictionary lookup instead of a registry lookup that validates names and labels.
    private struct SeriesKey: Hashable {
        var name: String
        var labels: [String]
    }
    private let made = Mutex<[SeriesKey: any Sendable]>([:])

    /// The two counters every cache hit bumps, made once: looking them up by name and labels
    /// (a lock, hashing and a dynamic cast) was a measurable share of a cached request.
    private let memoryHits: Counter
    private let cachedTranslations: Counter

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        memoryHits = registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "parley", metricName: "cache_hits", unitName: "total", helpText: "Translation cache hits"),
            labels: [("layer", "memory")])
        cachedTranslations = registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "parley", metricName: "translations", unitName: "total", helpText: "Texts translated, by outcome"),
            labels: [("outcome", "cached")])
    }

    /// The collector for `name` and `labels`, made by `make` the first time.
    private func series<Collector: Sendable>(_ name: String, _ labels: [(String, String)], make: () -> Collector) -> Collector {
        let key = SeriesKey(name: name, labels: labels.map(\.1))
        return made.withLock { made in
            if let known = made[key] as? Collector { return known }
            let collector = make()
            made[key] = collector
            return collector
        }
    }

    private func counter(_ name: String, _ help: String, _ labels: [(String, String)]) -> Counter {
        series(name, labels) { registry.makeCounter(descriptor: descriptor(name, "total", help), labels: labels) }
    }

    private func gauge(_ name: String, _ help: String, _ labels: [(String, String)]) -> Gauge {
        series(name, labels) { registry.makeGauge(descriptor: descriptor(name, "", help), labels: labels) }
    }

    private func durations(_ name: String, _ help: String, _ labels: [(String, String)]) -> DurationHistogram {
        series(name, labels) {
            registry.makeDurationHistogram(descriptor: descriptor(name, "seconds", help), labels: labels, buckets: Self.latencyBuckets)
        }
    }

    private func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "parley", metricName: name, unitName: unit, helpText: help)
    }

    func backendLatency(backend: String, duration: Duration) {
        durations("backend_request_duration", "Backend call latency", [("backend", backend)]).record(duration)
    }

    func backendError(backend: String, code: String) {
        counter("backend_errors", "Backend call failures by kind", [("backend", backend), ("code", code)]).increment()
    }

    func breakerState(backend: String, state: CircuitBreaker.State) {
        let value: Double = switch state {
        case .closed: 0
        case .halfOpen: 1
        case .open: 2
        }
        gauge("backend_breaker_state", "Circuit breaker: 0 closed, 1 half-open, 2 open", [("backend", backend)]).set(value)
    }

    func batchSize(backend: String, size: Int) {
        series("backend_batch_size", [("backend", backend)]) {
            registry.makeValueHistogram(
                descriptor: descriptor("backend_batch_size", "", "Texts per backend call"),
                labels: [("backend", backend)], buckets: [1, 2, 4, 8, 16, 32, 64, 128])
        }.record(Double(size))
    }

    func queueDepth(backend: String, lane: PriorityLane, depth: Int) {
        gauge("lane_queue_depth", "Texts waiting for a backend slot", [("backend", backend), ("lane", lane.rawValue)]).set(Double(depth))
    }

    func queueWait(lane: PriorityLane, duration: Duration) {
        durations("lane_queue_wait", "Time texts waited for a backend slot", [("lane", lane.rawValue)]).record(duration)
    }

    func overloaded(lane: PriorityLane) {
        counter("lane_overloaded", "Texts refused because a lane queue was full", [("lane", lane.rawValue)]).increment()
    }

    func cacheHit(layer: String) {
        if layer == "memory" { return memoryHits.increment() }
        counter("cache_hits", "Translation cache hits", [("layer", layer)]).increment()
    }

    func cacheMiss() {
        counter("cache_misses", "Translation cache misses", []).increment()
    }

    func cacheEvictions(_ count: Int) {
        counter("cache_evictions", "Entries dropped from the memory cache", []).increment(by: Int64(count))
    }

    func cacheSize(_ size: Int) {
        gauge("cache_entries", "Entries in the memory cache", []).set(Double(size))
    }

    func coalesced() {
        counter("coalesced_requests", "Requests that joined identical in-flight work", []).increment()
    }

    func translations(outcome: String) {
        if outcome == "cached" { return cachedTranslations.increment() }
        counter("translations", "Texts translated, by outcome", [("outcome", outcome)]).increment()
    }
}
