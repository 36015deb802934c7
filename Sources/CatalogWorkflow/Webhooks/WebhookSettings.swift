/// Where catalog change notifications go and how they are delivered.
///
/// Configured as `webhook.url` and `webhook.secret` (no webhook when the URL is empty). Failed
/// deliveries (network errors, non-2xx answers) are retried `maxAttempts - 1` times, waiting
/// `initialBackoff`, then twice as long each time up to `maxBackoff`.
public struct WebhookSettings: Sendable, Hashable {
    public var url: String
    /// The HMAC-SHA256 key of `X-Parley-Signature`.
    public var secret: String
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// Deadline of one delivery attempt.
    public var timeout: Duration

    public init(
        url: String, secret: String, maxAttempts: Int = 6, initialBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(60),
        timeout: Duration = .seconds(10)
    ) {
        self.url = url
        self.secret = secret
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.timeout = timeout
    }

    /// The wait before attempt `attempt` (2, 3, …).
    func backoff(before attempt: Int) -> Duration {
        var wait = initialBackoff
        if attempt > 2 { for _ in 2..<attempt { wait = min(wait * 2, maxBackoff) } }
        return min(wait, maxBackoff)
    }
}
