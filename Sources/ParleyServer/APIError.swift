import AccessControl
import HTTPTypes

/// Every error Parley's API answers with: one HTTP status and one stable code each, sent as
/// `{"error":{"code":"…","message":"…","requestId":"…"}}`.
public enum APIError: Error, Sendable {
    case badRequest(code: String, message: String)
    case authentication(AuthenticationError)
    case notFound(String)
    case methodNotAllowed(method: String, allowed: [String])
    case payloadTooLarge(limit: Int)
    /// A request within the body limit that still asks for too much (413).
    case tooLarge(code: String, message: String)
    case unsupportedMediaType(String)
    case unavailable(code: String, message: String, retryAfterSeconds: Int?)
    case `internal`(String)

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .authentication(let error):
            switch error {
            case .missingKey, .invalidKey, .revokedKey: .unauthorized
            case .missingScope: .forbidden
            case .rateLimited: .tooManyRequests
            }
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .payloadTooLarge, .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .unavailable: .serviceUnavailable
        case .internal: .internalServerError
        }
    }

    /// The stable machine-readable code.
    public var code: String {
        switch self {
        case .badRequest(let code, _): code
        case .authentication(let error):
            switch error {
            case .missingKey: "unauthenticated"
            case .invalidKey: "invalid_api_key"
            case .revokedKey: "revoked_api_key"
            case .missingScope: "forbidden"
            case .rateLimited: "rate_limited"
            }
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .payloadTooLarge: "payload_too_large"
        case .tooLarge(let code, _): code
        case .unsupportedMediaType: "unsupported_media_type"
        case .unavailable(let code, _, _): code
        case .internal: "internal_error"
        }
    }

    /// A message for people.
    public var message: String {
        switch self {
        case .badRequest(_, let message): message
        case .authentication(let error):
            switch error {
            case .missingKey: "this route needs an API key: send Authorization: Bearer <key>"
            case .invalidKey: "the API key is not valid"
            case .revokedKey: "the API key was revoked"
            case .missingScope(let scope): "the API key lacks the scope '\(scope)'"
            case .rateLimited(let seconds): "rate limit exceeded; retry in \(seconds) s"
            }
        case .notFound(let what): what
        case .methodNotAllowed(let method, let allowed): "\(method) is not allowed here; allowed: \(allowed.joined(separator: ", "))"
        case .payloadTooLarge(let limit): "the request body is larger than \(limit) bytes"
        case .tooLarge(_, let message): message
        case .unsupportedMediaType(let message): message
        case .unavailable(_, let message, _): message
        case .internal(let message): message
        }
    }

    /// Extra headers: `Retry-After`, `Allow`, `WWW-Authenticate`.
    public var headers: HTTPFields {
        var fields = HTTPFields()
        switch self {
        case .authentication(.rateLimited(let seconds)):
            fields[.retryAfter] = String(seconds)
        case .authentication(.missingKey), .authentication(.invalidKey), .authentication(.revokedKey):
            fields[.wwwAuthenticate] = "Bearer"
        case .methodNotAllowed(_, let allowed):
            fields[.allow] = allowed.joined(separator: ", ")
        case .unavailable(_, _, let seconds?):
            fields[.retryAfter] = String(seconds)
        default:
            break
        }
        return fields
    }
}
