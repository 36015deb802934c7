/// Why a request was not let through. Each case maps to one HTTP status and one stable code.
public enum AuthenticationError: Error, Sendable, Equatable {
    /// No credentials where some are required (401 `unauthenticated`).
    case missingKey
    /// A key was sent but is unknown or malformed (401 `invalid_api_key`).
    case invalidKey
    /// The key was revoked (401 `revoked_api_key`).
    case revokedKey
    /// Authenticated, but the scope is missing (403 `forbidden`).
    case missingScope(Scope)
    /// Over the rate limit; retry after the given seconds (429 `rate_limited`).
    case rateLimited(retryAfterSeconds: Int)
}
