import AsyncHTTPClient
import NIOCore

/// Delivers webhooks with AsyncHTTPClient: by default over one process-wide client that fails
/// a refused connection at once (the notifier's backoff does the retrying), connects within 2 s
/// and follows no redirects.
public struct WebhookHTTPClientTransport: WebhookTransport {
    let client: HTTPClient

    /// The default client; it lives as long as the process.
    static let defaultClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(2)
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public init(client: HTTPClient? = nil) {
        self.client = client ?? Self.defaultClient
    }

    public func post(url: String, headers: [String: String], body: [UInt8], timeout: Duration) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        let response = try await client.execute(request, timeout: .milliseconds(milliseconds))
        // Read (and drop) the body so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }
}
