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

    /// Bytes a body must have gained in each window.
    var bytesPerWindow: Int {
        Int((Double(minimumBodyRate) * Double(bodyRateWindow.nanoseconds) / 1e9).rounded(.up))
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
