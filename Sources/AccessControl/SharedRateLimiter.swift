import Logging
import Storage
import Synchronization

/// A per-key rate limit shared by every instance on one store: two instances together accept
/// at most the configured rate (plus burst) for one key.
///
/// Going to the database for every request would put a round trip in front of every cache
/// hit, so each instance leases tokens a few at a time (``leaseSize``: a tenth of a second's
/// worth) from the key's bucket in the store (``RateLimitStore``) and spends them locally;
/// only the request that finds its lease empty waits for the next one, and callers arriving
/// meanwhile wait for that same lease. A lease unused after ``leaseLifetime`` is dropped, so
/// tokens an idle instance holds do not pile up. The store's grant is the only source of
/// tokens, so the instances' sum can never exceed the bucket — at worst a key gets slightly
/// less than its rate while a lease sits half-spent on an instance it no longer talks to.
///
/// When the bucket says no, the refusal is remembered until it refills, so a client hammering
/// past its limit costs no database call. When the store cannot be reached, each instance
/// falls back to its own local ``RateLimiter`` (the limit is then per instance, as with
/// SQLite) rather than refusing or waving everything through.
public final class SharedRateLimiter: RequestRateLimiting {
    public let rate: Double
    public let burst: Double
    /// Tokens asked for per lease.
    public let leaseSize: Int
    public let leaseLifetime: Duration
    let store: any RateLimitStore
    let fallback: RateLimiter
    let logger: Logger
    private let clock = ContinuousClock()
    private let leases = Mutex<[String: Lease]>([:])

    struct Lease {
        var tokens = 0
        var expires: ContinuousClock.Instant
        /// The store refused until then.
        var refusedUntil: ContinuousClock.Instant?
        /// The lease being fetched; later callers await it instead of asking again.
        var pending: Task<RateTokenGrant?, Never>?
    }

    public init(store: any RateLimitStore, requestsPerSecond: Double, burst: Int, leaseLifetime: Duration = .seconds(2), logger: Logger = Logger(label: "parley.ratelimit")) {
        self.store = store
        self.rate = requestsPerSecond
        self.burst = Double(max(burst, 1))
        self.leaseSize = max(1, min(max(burst, 1), Int((requestsPerSecond / 10).rounded(.up))))
        self.leaseLifetime = leaseLifetime
        self.fallback = RateLimiter(requestsPerSecond: requestsPerSecond, burst: burst)
        self.logger = logger
    }

    private enum Step {
        case allowed
        case refused(Int)
        case wait(Task<RateTokenGrant?, Never>)
    }

    public func take(_ caller: String) async -> Int? {
        guard rate > 0 else { return nil }
        // A caller whose awaited lease was spent by the others before it woke asks again: only
        // the store's refusal refuses (the bucket runs dry, so this ends; the bound is a guard).
        for _ in 0..<10_000 {
            switch step(caller) {
            case .allowed:
                return nil
            case .refused(let seconds):
                return seconds
            case .wait(let task):
                let grant = await task.value
                guard let grant else { return fallback.take(caller) }
                settle(caller, task: task, grant: grant)
            }
        }
        return 1
    }

    private func step(_ caller: String) -> Step {
        let now = clock.now
        return leases.withLock { leases -> Step in
            var lease = leases[caller] ?? Lease(expires: now)
            defer { leases[caller] = lease }
            if lease.expires <= now { lease.tokens = 0 }
            if lease.tokens > 0 {
                lease.tokens -= 1
                return .allowed
            }
            if let until = lease.refusedUntil, now < until {
                return .refused(Self.seconds(now.duration(to: until)))
            }
            if let pending = lease.pending { return .wait(pending) }
            let task = Task { [store, rate, burst, leaseSize, logger] () -> RateTokenGrant? in
                do {
                    return try await store.takeRateTokens("key:\(caller)", count: leaseSize, rate: rate, burst: burst)
                } catch {
                    logger.warning("shared rate limit unavailable; limiting per instance", metadata: ["error": "\(error)"])
                    return nil
                }
            }
            lease.pending = task
            return .wait(task)
        }
    }

    /// Records what the store granted (once, by whichever waiter gets here first).
    private func settle(_ caller: String, task: Task<RateTokenGrant?, Never>, grant: RateTokenGrant) {
        let now = clock.now
        leases.withLock { leases in
            guard var lease = leases[caller], lease.pending == task else { return }
            lease.pending = nil
            lease.tokens = grant.granted
            lease.expires = now + leaseLifetime
            lease.refusedUntil = grant.granted == 0 ? now + .milliseconds(Int(grant.secondsUntilNext(rate: rate) * 1000)) : nil
            if leases.count > 100_000 { leases.removeAll(keepingCapacity: true) }
            leases[caller] = lease
        }
    }

    private static func seconds(_ duration: Duration) -> Int {
        max(1, Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18).rounded(.up)))
    }
}
