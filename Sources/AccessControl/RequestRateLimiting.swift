/// Decides whether a caller may make one more request: the seam between the authentication
/// middleware and where the buckets live — in this process (``RateLimiter``) or in the store,
/// shared by every instance (``SharedRateLimiter``).
public protocol RequestRateLimiting: Sendable {
    /// Takes one token for `caller`.
    /// - Returns: `nil` when allowed, else the `Retry-After` seconds (at least 1).
    func take(_ caller: String) async -> Int?
}

extension RateLimiter: RequestRateLimiting {}
