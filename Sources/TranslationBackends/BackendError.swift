/// Why a backend call failed — each case one stable error code, and whether trying another
/// backend (failover) makes sense.
public enum BackendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within the deadline.
    case timeout
    /// Connection refused, reset or unresolvable.
    case connectionFailed(String)
    /// HTTP 429 (LibreTranslate's "Slowdown"); retry after the given seconds when known.
    case rateLimited(retryAfterSeconds: Int?)
    /// Another 4xx: the server refused this input (too long, bad field, bad key).
    case rejected(status: Int, message: String)
    /// HTTP 5xx.
    case serverError(status: Int, message: String)
    /// A 2xx whose body is not what the protocol promises (bad JSON, wrong count of texts).
    case malformedResponse(String)
    /// The server does not serve this pair.
    case unsupportedPair(LanguagePair)
    /// The server answered with the input unchanged, which it does when it failed.
    case echoedInput

    /// The stable error code used in API responses and metrics.
    public var code: String {
        switch self {
        case .timeout: "backend_timeout"
        case .connectionFailed: "backend_unavailable"
        case .rateLimited: "backend_rate_limited"
        case .rejected: "backend_rejected"
        case .serverError: "backend_error"
        case .malformedResponse: "backend_malformed_response"
        case .unsupportedPair: "unsupported_pair"
        case .echoedInput: "backend_echo"
        }
    }

    /// Whether another backend (or a later try) may succeed where this one failed. Always:
    /// even a refusal of the input (LibreTranslate's character limit, say) is one server's
    /// limit, and another backend may take it; a refusal does not count against the server's
    /// health, though (``indicatesUnhealthyBackend``).
    public var isRetryable: Bool { true }

    /// Whether the failure says the backend is unhealthy (counts toward its circuit breaker).
    public var indicatesUnhealthyBackend: Bool {
        switch self {
        case .timeout, .connectionFailed, .serverError, .malformedResponse, .echoedInput: true
        case .rateLimited, .rejected, .unsupportedPair: false
        }
    }

    public var description: String {
        switch self {
        case .timeout: "the backend did not answer in time"
        case .connectionFailed(let reason): "cannot reach the backend: \(reason)"
        case .rateLimited(let seconds): "the backend is rate limiting" + (seconds.map { " (retry in \($0) s)" } ?? "")
        case .rejected(let status, let message): "the backend refused the request (\(status)): \(message)"
        case .serverError(let status, let message): "the backend failed (\(status)): \(message)"
        case .malformedResponse(let reason): "the backend's answer is malformed: \(reason)"
        case .unsupportedPair(let pair): "the backend does not translate \(pair)"
        case .echoedInput: "the backend returned the input unchanged"
        }
    }
}
