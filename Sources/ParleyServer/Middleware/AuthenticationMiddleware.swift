import AccessControl
import Hummingbird
import Logging

/// Works out who is calling and applies the rate limit.
///
/// A request with `Authorization: Bearer <key>` becomes that key's principal (a malformed,
/// unknown or revoked key is refused with 401 even on public routes, so a broken client
/// notices); a request without one gets the anonymous scopes from configuration. Each key —
/// or each client address for anonymous callers — has its own token bucket (a key's is shared
/// by every instance on PostgreSQL: ``SharedRateLimiter``); health checks
/// and metrics scrapes are never limited. Route handlers then ask for the scope they need.
///
/// Refused keys count against the client address (`invalidKeys`): past its burst, every key
/// that address sends — valid or not — is answered 429 until the bucket refills, so that keys
/// cannot be guessed at line rate.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext
    let keys: APIKeyManager
    let anonymousScopes: [Scope]
    /// A key's bucket (shared by every instance on PostgreSQL).
    let keyLimiter: any RequestRateLimiting
    /// An anonymous caller's bucket, per client address.
    let addressLimiter: RateLimiter
    let invalidKeys: RateLimiter
    static let unlimitedPaths: Set<String> = ["/healthz", "/readyz", "/metrics", "/health"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            if let retryAfter = invalidKeys.exhausted(Self.address(of: context)) {
                throw APIError.authentication(.rateLimited(retryAfterSeconds: retryAfter))
            }
            let parts = header.split(separator: " ", maxSplits: 1)
            do {
                guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AuthenticationError.invalidKey }
                var token = parts[1]
                while token.first?.isWhitespace == true { token.removeFirst() }
                while token.last?.isWhitespace == true { token.removeLast() }
                context.principal = try await keys.authenticate(key: String(token))
            } catch let error as AuthenticationError {
                if let retryAfter = invalidKeys.take(Self.address(of: context)) {
                    throw APIError.authentication(.rateLimited(retryAfterSeconds: retryAfter))
                }
                throw APIError.authentication(error)
            }
            context.logger[metadataKey: "key"] = .string(context.principal.name)
            context.accessRecord.caller = context.principal.name
        } else {
            context.principal = Principal(keyID: nil, name: "anonymous", scopes: anonymousScopes, unlimited: false)
        }
        if !context.principal.unlimited && !Self.unlimitedPaths.contains(request.uri.path) {
            let retryAfter = if let keyID = context.principal.keyID {
                await keyLimiter.take(keyID)
            } else {
                addressLimiter.take(Self.address(of: context))
            }
            if let retryAfter {
                throw APIError.authentication(.rateLimited(retryAfterSeconds: retryAfter))
            }
        }
        return try await next(request, context)
    }

    /// The client address as limiters name it. Made only when a limiter needs it: a keyed
    /// request used to format the peer's address (a string allocation) on every cache hit,
    /// for a refused-key limiter that is empty in a healthy deployment.
    static func address(of context: Context) -> String {
        "ip:\(context.remoteAddress ?? "unknown")"
    }
}
