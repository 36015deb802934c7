import Prometheus

/// The translation engine's Prometheus metrics: per backend latency, errors by kind, breaker
/// state and batch sizes; per lane queue depth and wait; cache hits, misses, evictions and
/// size; coalesced requests.
public final class EngineMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
    ]

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    private func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "parley", metricName: name, unitName: unit, helpText: help)
    }

    func backendLatency(backend: String, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: descriptor("backend_request_duration", "seconds", "Backend call latency"),
            labels: [("backend", backend)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    func backendError(backend: String, code: String) {
        registry.makeCounter(descriptor: descriptor("backend_errors", "total", "Backend call failures by kind"), labels: [("backend", backend), ("code", code)]).increment()
    }

    func breakerState(backend: String, state: CircuitBreaker.State) {
        let value: Double = switch state {
        case .closed: 0
        case .halfOpen: 1
        case .open: 2
        }
        registry.makeGauge(descriptor: descriptor("backend_breaker_state", "", "Circuit breaker: 0 closed, 1 half-open, 2 open"), labels: [("backend", backend)]).set(value)
    }

    func batchSize(backend: String, size: Int) {
        registry.makeValueHistogram(
            descriptor: descriptor("backend_batch_size", "", "Texts per backend call"),
            labels: [("backend", backend)], buckets: [1, 2, 4, 8, 16, 32, 64, 128]
        ).record(Double(size))
    }

    func queueDepth(backend: String, lane: PriorityLane, depth: Int) {
        registry.makeGauge(descriptor: descriptor("lane_queue_depth", "", "Texts waiting for a backend slot"), labels: [("backend", backend), ("lane", lane.rawValue)]).set(Double(depth))
    }

    func queueWait(lane: PriorityLane, duration: Duration) {
        registry.makeDurationHistogram(
            descriptor: descriptor("lane_queue_wait", "seconds", "Time texts waited for a backend slot"),
            labels: [("lane", lane.rawValue)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    func overloaded(lane: PriorityLane) {
        registry.makeCounter(descriptor: descriptor("lane_overloaded", "total", "Texts refused because a lane queue was full"), labels: [("lane", lane.rawValue)]).increment()
    }

    func cacheHit(layer: String) {
        registry.makeCounter(descriptor: descriptor("cache_hits", "total", "Translation cache hits"), labels: [("layer", layer)]).increment()
    }

    func cacheMiss() {
        registry.makeCounter(descriptor: descriptor("cache_misses", "total", "Translation cache misses"), labels: []).increment()
    }

    func cacheEvictions(_ count: Int) {
        registry.makeCounter(descriptor: descriptor("cache_evictions", "total", "Entries dropped from the memory cache"), labels: []).increment(by: Int64(count))
    }

    func cacheSize(_ size: Int) {
        registry.makeGauge(descriptor: descriptor("cache_entries", "", "Entries in the memory cache"), labels: []).set(Double(size))
    }

    func coalesced() {
        registry.makeCounter(descriptor: descriptor("coalesced_requests", "total", "Requests that joined identical in-flight work"), labels: []).increment()
    }

    func translations(outcome: String) {
        registry.makeCounter(descriptor: descriptor("translations", "total", "Texts translated, by outcome"), labels: [("outcome", outcome)]).increment()
    }
}
