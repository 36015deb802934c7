/// Token buckets kept in the store, so that every instance using it draws on one limit per
/// API key (``ParleyStore`` refines it). `AccessControl`'s `SharedRateLimiter` is the caller:
/// it takes tokens a few at a time and spends them locally.
///
/// A bucket holds at most `burst` tokens and refills at `rate` per second; a bucket never
/// drawn on starts full. Taking is one atomic statement, so instances racing for one bucket
/// together never get more than it holds.
public protocol RateLimitStore: Sendable {
    /// Takes up to `count` whole tokens from the bucket `name`.
    /// - Returns: how many were granted (0 … `count`) and, when the bucket is then below one
    ///   token, how long until it holds one again.
    func takeRateTokens(_ name: String, count: Int, rate: Double, burst: Double) async throws -> RateTokenGrant
}

/// What ``RateLimitStore/takeRateTokens(_:count:rate:burst:)`` granted.
public struct RateTokenGrant: Sendable, Hashable {
    public var granted: Int
    /// Tokens left in the bucket after the grant (fractional: it refills continuously).
    public var remaining: Double

    public init(granted: Int, remaining: Double) {
        self.granted = granted
        self.remaining = remaining
    }

    /// Seconds until the bucket holds a whole token again at `rate` (0 when it does).
    public func secondsUntilNext(rate: Double) -> Double {
        guard remaining < 1, rate > 0 else { return 0 }
        return (1 - remaining) / rate
    }
}
