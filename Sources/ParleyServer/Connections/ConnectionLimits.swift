import NIOCore
import ServiceConfiguration
import Synchronization

/// The bounds every connection is held to, so slow or greedy clients cannot hold the server:
/// how long a started request head may take, how fast a body must arrive, how many
/// connections may be open at once. Taken from `server.*` in the configuration.
struct ConnectionLimits: Sendable {
    var headerTimeout: TimeAmount
    var minimumBodyRate: Int
    var bodyRateWindow: TimeAmount
    var maxConnections: Int

    init(_ settings: ServerSettings) {
        headerTimeout = TimeAmount(settings.headerTimeout)
        minimumBodyRate = settings.minimumBodyRate
        bodyRateWindow = TimeAmount(settings.bodyRateWindow)
        maxConnections = settings.maxConnections
    }

    /// Bytes a body must have gained over `elapsed` (a window, or a little more: deadlines
    /// are checked every ``tick``).
    func bytesRequired(over elapsed: TimeAmount) -> Int {
        Int((Double(minimumBodyRate) * Double(elapsed.nanoseconds) / 1e9).rounded(.up))
    }

    /// How often a connection's deadlines are checked: a quarter of the shorter of the header
    /// timeout and the body window, at most a second, so a deadline is acted on at most that
    /// late.
    var tick: TimeAmount {
        let shorter = min(headerTimeout, bodyRateWindow)
        return max(.milliseconds(10), min(.seconds(1), .nanoseconds(shorter.nanoseconds / 4)))
    }
}

/// The number of open connections, shared by every connection's ``ConnectionGuard``.
final class OpenConnections: Sendable {
    private let count = Atomic<Int>(0)

    /// Counts one more connection; `false` (and nothing counted) when `limit` are open.
    func open(limit: Int) -> Bool {
        var current = count.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = count.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    func close() {
        count.subtract(1, ordering: .relaxed)
    }

    var current: Int { count.load(ordering: .relaxed) }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
