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
    /// A conditional write without `If-Match` (428 `precondition_required`).
    case preconditionRequired(String)
    /// `If-Match` names an old revision: someone else saved first (412 `revision_conflict`);
    /// `current` is the current value, as JSON, put inside `error`.
    case preconditionFailed(message: String, current: JSONFragment?)
    /// QA checks refused the value (422 `qa_failed`); `findings` go inside `error`.
    case unprocessable(code: String, message: String, findings: JSONFragment?)
    /// The resource exists but not in a state that allows this (409).
    case conflict(code: String, message: String)
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
        case .preconditionRequired: .preconditionRequired
        case .preconditionFailed: .preconditionFailed
        case .unprocessable: .unprocessableContent
        case .conflict: .conflict
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
        case .preconditionRequired: "precondition_required"
        case .preconditionFailed: "revision_conflict"
        case .unprocessable(let code, _, _): code
        case .conflict(let code, _): code
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
        case .preconditionRequired(let message): message
        case .preconditionFailed(let message, _): message
        case .unprocessable(_, let message, _): message
        case .conflict(_, let message): message
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

/// Already-encoded JSON (an object or array) to embed in an error envelope, e.g. the current
/// value on a 412 or the QA findings on a 422.
public struct JSONFragment: Sendable {
    public let data: [UInt8]

    public init<T: Encodable>(_ value: T) throws {
        data = Array(try JSONResponse.encoder.encode(value))
    }
}
