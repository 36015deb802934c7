import Prometheus
import Storage
import Synchronization

/// Parley's Prometheus registry and the HTTP metrics every request feeds. Later parts
/// (engine, cache, catalogs) register their own metrics in the same ``registry``.
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` emits.
    public let registry: PrometheusCollectorRegistry
    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// The collectors of each route, method and status seen so far, so that recording a
    /// request is one dictionary lookup rather than a registry lookup by name and labels.
    private struct Series: Hashable {
        var route: String
        var method: String
        var status: Int
    }
    private let collectors = Mutex<[Series: (Counter, DurationHistogram)]>([:])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Counts a finished request and records its latency.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let series = Series(route: route, method: method, status: status)
        let (counter, histogram) = collectors.withLock { collectors in
            if let known = collectors[series] { return known }
            let made = (
                registry.makeCounter(
                    descriptor: MetricNameDescriptor(
                        metricName: "parley_http_requests", unitName: "total", helpText: "HTTP requests by route, method and status"),
                    labels: [("route", route), ("method", method), ("status", String(status))]),
                registry.makeDurationHistogram(
                    descriptor: MetricNameDescriptor(
                        metricName: "parley_http_request_duration", unitName: "seconds", helpText: "HTTP request latency by route"),
                    labels: [("route", route), ("method", method)],
                    buckets: Self.latencyBuckets)
            )
            collectors[series] = made
            return made
        }
        counter.increment()
        histogram.record(duration)
    }

    /// Counts a change notification heard from the store (`parley_store_changes_total{kind}`;
    /// a rising `resync` count means notifications are down and the instance is polling).
    func storeChange(_ change: StoreChange) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "parley_store_changes", unitName: "total", helpText: "Store change notifications heard, by kind"),
            labels: [("kind", change.rawValue)]
        ).increment()
    }

    /// Whether the store answered the last readiness check (`parley_store_up`, 1 or 0).
    func storeUp(_ up: Bool) {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(metricName: "parley_store_up", helpText: "1 when the store answered the last readiness check"),
            labels: []
        ).set(Double(up ? 1 : 0))
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
