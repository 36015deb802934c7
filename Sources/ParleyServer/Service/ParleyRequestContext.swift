import AccessControl
import Hummingbird
import Logging
import NIOCore

/// What Parley knows about a request while handling it: its id, its caller and where it
/// came from. Filled in by the middleware chain before a route handler runs.
public struct ParleyRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request id: the caller's `X-Request-Id` when it is sane, or a new one.
    public var requestID: String = ""
    /// The authenticated caller (anonymous until ``AuthenticationMiddleware`` runs).
    public var principal = Principal(keyID: nil, name: "anonymous", scopes: [], unlimited: false)
    /// Told who the caller is once authentication knows, for the access log.
    let accessRecord = AccessRecord()
    /// The connection the request came on.
    let channel: any Channel
    /// The peer's IP address, used to rate-limit anonymous callers (worked out only when asked).
    public var remoteAddress: String? { channel.remoteAddress?.ipAddress }
    /// Largest body a route may decode; larger bodies get 413.
    public var maxUploadSize: Int = 1_048_576

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    public var requestDecoder: ParleyJSONDecoder { ParleyJSONDecoder() }
}

extension ParleyRequestContext {
    /// Throws 403 `forbidden` unless the caller holds a scope granting `scope`.
    public func require(_ scope: Scope) throws(APIError) {
        guard principal.may(scope) else {
            throw principal.isAnonymous && principal.scopes.isEmpty
                ? APIError.authentication(.missingKey)
                : APIError.authentication(.missingScope(scope))
        }
    }
}
