/// A misbehaviour a fake server can be switched to at run time (``FakeBackendServer/fault``).
///
/// Transport and status faults hit every route (health and discovery too, like a sick
/// server) unless ``FakeBackendServer/faultsHitOnlyTranslations`` is set; ``echo`` and
/// ``wrongCount`` change only translation answers.
public enum FakeFault: Sendable, Equatable {
    /// Behave like the real server.
    case none
    /// Never answer in time: hold every request for `FakeServerControl.hangDuration` (30 s by
    /// default, cut short when the fake stops).
    case timeout
    /// Drop every connection without an answer, like a crashed server (the client sees the
    /// connection close). For a true "connection refused", ``FakeBackendServer/stop()`` the
    /// fake, or use ``FakeServerControl/closedPortURL()``.
    case refuseConnections
    /// 500 with the server's own internal-error body.
    case serverError
    /// 429 with the server's rate-limit body (LibreTranslate: `Slowdown: 2 per 1 minute`) and,
    /// when given, a `Retry-After` header in seconds.
    case rateLimited(retryAfter: Int?)
    /// 200 with a body that is not JSON.
    case malformedJSON
    /// The head at once, the body only after the delay.
    case slowBody(Duration)
    /// The head (with the full `Content-Length`) and half the body, then the connection closes.
    case resetMidBody
    /// 502 with an HTML page, as a reverse proxy (nginx) in front of a dead MT server answers.
    case badGateway
    /// Translations come back as the input, unchanged.
    case echo
    /// Translation replies carry one output fewer (or one more when given a single text).
    case wrongCount
    /// The next `n` translation requests work, then every request gets 500.
    case failAfter(Int)
    /// Every answer comes after the delay (latency).
    case delay(Duration)

    /// Like `.rateLimited(retryAfter: nil)`: LibreTranslate's real 429 carries no header.
    public static var rateLimited: FakeFault { .rateLimited(retryAfter: nil) }
}
