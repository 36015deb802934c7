/// Webhook deliveries since start.
public struct WebhookStatistics: Sendable, Hashable, Codable {
    /// Events delivered (a 2xx answer).
    public var delivered = 0
    /// Events given up on after the last attempt.
    public var failed = 0
    /// POSTs made, retries included.
    public var attempts = 0

    public init() {}
}
