import Synchronization

/// What the access log learns from further down the middleware chain about one request.
///
/// Request contexts are values: a middleware's changes reach the handlers after it, never
/// the middlewares before it. The access log wraps authentication, so the caller that
/// authentication works out is handed back through this shared record.
final class AccessRecord: Sendable {
    private let callerName = Mutex("anonymous")

    /// The caller's key name, or `anonymous`.
    var caller: String {
        get { callerName.withLock { $0 } }
        set { callerName.withLock { $0 = newValue } }
    }
}
