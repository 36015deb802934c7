import Synchronization

/// A token bucket per caller: `rate` requests per second sustained, `burst` at once.
///
/// Thread-safe and cheap (one lock, no allocation on the hot path once a caller is known).
/// A rate of 0 turns limiting off.
public final class RateLimiter: Sendable {
    public let rate: Double
    public let burst: Double
    private let clock = ContinuousClock()
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Whether any caller has a bucket: read without the lock, so that a limiter nobody has
    /// drawn on yet (the refused-key limiter, in a healthy deployment) costs its callers
    /// nothing, not even the string that names them.
    private let inUse = Atomic<Bool>(false)

    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    public init(requestsPerSecond: Double, burst: Int) {
        self.rate = requestsPerSecond
        self.burst = Double(max(burst, 1))
    }

    /// Whether `caller` has no token left (without taking one): the `Retry-After` seconds, or
    /// `nil` when a request would be allowed. `caller` is only made when some caller has a
    /// bucket.
    public func exhausted(_ caller: @autoclosure () -> String) -> Int? {
        guard rate > 0, inUse.load(ordering: .acquiring) else { return nil }
        let now = clock.now
        let caller = caller()
        return buckets.withLock { buckets -> Int? in
            guard let bucket = buckets[caller] else { return nil }
            let elapsed = bucket.updated.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let tokens = min(burst, bucket.tokens + seconds * rate)
            return tokens >= 1 ? nil : max(1, Int(((1 - tokens) / rate).rounded(.up)))
        }
    }

    /// Takes one token for `caller`, or says how many whole seconds until one is available.
    /// - Returns: `nil` when allowed, else the `Retry-After` seconds (at least 1).
    public func take(_ caller: String) -> Int? {
        guard rate > 0 else { return nil }
        let now = clock.now
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[caller] ?? Bucket(tokens: burst, updated: now)
            let elapsed = bucket.updated.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * rate)
            bucket.updated = now
            defer {
                if buckets.count > 100_000 { buckets.removeAll(keepingCapacity: true) }
                buckets[caller] = bucket
                inUse.store(true, ordering: .releasing)
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }
}
