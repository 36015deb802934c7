import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The one HTTP exchange helper the three backend clients share: request building, the
/// deadline, transport-error and status mapping, and JSON decoding.
struct BackendHTTP: Sendable {
    /// The largest response body accepted; anything bigger is a malformed answer.
    static let maxResponseBytes = 16 * 1_048_576

    let client: HTTPClient
    /// The server's base URL without a trailing slash.
    let baseURL: String
    let logger: Logger

    init(client: HTTPClient, baseURL: String, logger: Logger) {
        self.client = client
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.logger = logger
    }

    /// Sends one request and returns the whole response, whatever its status. Transport
    /// failures (refused, reset, deadline) are mapped to ``BackendError``.
    ///
    /// - Parameters:
    ///   - path: Starts with `/`; appended to the base URL.
    ///   - json: When given, sent as the body with `Content-Type: application/json` exactly.
    ///   - deadline: When the whole exchange (headers and body) must be over.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        json: Data? = nil,
        deadline: ContinuousClock.Instant
    ) async throws(BackendError) -> BackendHTTPResponse {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { throw .timeout }
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json))
        }
        let client = self.client
        let logger = self.logger
        let prepared = request
        // AsyncHTTPClient's deadline covers the response head only; the race covers the body
        // too. It fires a little after AsyncHTTPClient's own deadline so that, when both could
        // report, the more precise transport error (e.g. "connection refused") wins.
        return try await Deadline.run(until: deadline + .milliseconds(50)) { () async throws(BackendError) -> BackendHTTPResponse in
            do {
                let response = try await client.execute(prepared, deadline: NIODeadline.now() + TimeAmount(remaining), logger: logger)
                let body = try await response.body.collect(upTo: Self.maxResponseBytes)
                return BackendHTTPResponse(
                    status: Int(response.status.code),
                    reason: response.status.reasonPhrase,
                    contentType: response.headers.first(name: "Content-Type") ?? "",
                    retryAfter: response.headers.first(name: "Retry-After"),
                    body: Data(body.readableBytesView)
                )
            } catch {
                throw Self.map(error)
            }
        }
    }

    /// Sends a request and fails unless the status is 2xx, extracting the server's own error
    /// message with `message` for 4xx and 5xx answers.
    func exchange(
        _ method: HTTPMethod,
        _ path: String,
        json: Data? = nil,
        deadline: ContinuousClock.Instant,
        message: (BackendHTTPResponse) -> String
    ) async throws(BackendError) -> BackendHTTPResponse {
        let response = try await send(method, path, json: json, deadline: deadline)
        if let error = Self.error(for: response, message: message) {
            logger.debug("backend answered \(response.status)", metadata: ["backend.url": "\(baseURL)\(path)", "error": "\(error)"])
            throw error
        }
        return response
    }

    /// The error a non-2xx response stands for, or nil for 2xx.
    static func error(for response: BackendHTTPResponse, message: (BackendHTTPResponse) -> String) -> BackendError? {
        switch response.status {
        case 200..<300:
            return nil
        case 429:
            return .rateLimited(retryAfterSeconds: RetryAfter.seconds(from: response.retryAfter))
        case 400..<500:
            return .rejected(status: response.status, message: message(response))
        case 500..<600:
            return .serverError(status: response.status, message: message(response))
        default:
            return .malformedResponse("unexpected HTTP status \(response.statusLine)")
        }
    }

    /// Decodes a 2xx body; anything that is not the promised JSON is a malformed response.
    static func decode<T: Decodable>(_ type: T.Type, from response: BackendHTTPResponse, what: String) throws(BackendError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw .malformedResponse("\(what) is not the expected JSON: \(response.snippet)")
        }
    }

    /// Encodes a request body.
    static func encode(_ value: some Encodable) throws(BackendError) -> Data {
        do {
            return try JSONEncoder().encode(value)
        } catch {
            throw .malformedResponse("cannot encode the request: \(error)")
        }
    }

    /// Maps a transport error from AsyncHTTPClient or SwiftNIO to a ``BackendError``.
    static func map(_ error: any Error) -> BackendError {
        if let error = error as? BackendError { return error }
        if error is CancellationError { return .timeout }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout,
                 .tlsHandshakeTimeout, .cancelled:
                return .timeout
            default:
                return .connectionFailed(error.description)
            }
        }
        if error is NIOTooManyBytesError {
            return .malformedResponse("the response body is larger than \(maxResponseBytes) bytes")
        }
        return .connectionFailed(String(describing: error))
    }
}

/// A whole response as the backends see it.
struct BackendHTTPResponse: Sendable {
    var status: Int
    var reason: String
    var contentType: String
    var retryAfter: String?
    var body: Data

    /// `404 Not Found`
    var statusLine: String { "\(status) \(reason)" }

    /// The body as text (lossy for invalid UTF-8).
    var text: String { String(decoding: body, as: UTF8.self) }

    /// Whether the body is markup (Flask/werkzeug error pages). Flask also labels plain
    /// strings `text/html`, so the body decides, not the content type.
    var isHTML: Bool {
        text.drop(while: \.isWhitespace).hasPrefix("<")
    }

    /// A short excerpt of the body for error messages.
    var snippet: String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "(empty body)" }
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }

    /// The message for a plain-text error body; for an HTML page its `<title>` (werkzeug's
    /// pages title themselves with the status line, `404 Not Found`), else the status line.
    var plainMessage: String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return statusLine }
        guard isHTML else { return snippet }
        if let open = trimmed.range(of: "<title>", options: .caseInsensitive),
           let close = trimmed.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<trimmed.endIndex) {
            let title = trimmed[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !title.isEmpty { return title }
        }
        return statusLine
    }
}
