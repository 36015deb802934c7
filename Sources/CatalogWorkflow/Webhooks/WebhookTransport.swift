/// How a webhook body is POSTed: ``WebhookHTTPClientTransport`` in production, a fake in tests.
public protocol WebhookTransport: Sendable {
    /// POSTs `body` with `headers` to `url`; returns the response status. Throws on network
    /// errors and timeouts.
    func post(url: String, headers: [String: String], body: [UInt8], timeout: Duration) async throws -> Int
}
