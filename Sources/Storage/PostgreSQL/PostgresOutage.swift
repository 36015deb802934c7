import PostgresNIO
import Synchronization

/// Whether the database is known to be unreachable, so that calls fail at once instead of
/// each waiting out its deadline (the pool waits for a connection as long as a call lets it).
///
/// The first call that cannot reach the database marks an outage; from then on every call
/// fails fast with ``StoreError/unavailable(_:)`` while one background probe (``PostgresStore``
/// runs it) pings every retry interval. The first successful ping ends the outage: the
/// instance recovers by itself, without a restart.
final class PostgresOutage: Sendable {
    private struct State {
        var reason: String
        var since: ContinuousClock.Instant
    }

    private let state = Mutex<State?>(nil)

    /// Throws while an outage lasts.
    func check(location: String) throws(StoreError) {
        if let down = state.withLock({ $0 }) {
            throw .unavailable("\(location) is unreachable (\(down.reason)); retrying every second")
        }
    }

    /// Records that the database could not be reached; returns `true` when this starts the outage.
    func began(_ reason: String) -> Bool {
        state.withLock { state in
            guard state == nil else { return false }
            state = State(reason: reason, since: .now)
            return true
        }
    }

    /// Ends the outage; returns how long it lasted, if there was one.
    func ended() -> Duration? {
        state.withLock { state in
            defer { state = nil }
            return state.map { ContinuousClock.now - $0.since }
        }
    }

    var isDown: Bool { state.withLock { $0 != nil } }

    /// Whether `error` means the database cannot be reached, rather than that it refused one
    /// statement: no answer within the call's deadline, a connection that failed or closed,
    /// or the server shutting down or starting up (SQLSTATE class 08, 57P01–57P03).
    static func isUnreachable(_ error: any Error) -> Bool {
        switch error {
        case let error as StoreError:
            if case .unavailable(let reason) = error { return reason.contains("did not answer within") }
            return false
        case let error as PostgresTransactionError:
            guard let inner = error.closureError ?? error.beginError ?? error.commitError else { return false }
            return isUnreachable(inner)
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState] {
                return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
            }
            return [.connectionError, .serverClosedConnection, .uncleanShutdown, .sslUnsupported, .failedToAddSSLHandler].contains(error.code)
        default:
            return false
        }
    }
}
