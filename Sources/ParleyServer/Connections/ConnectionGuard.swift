import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Holds one connection to ``ConnectionLimits``: refuses connections beyond the limit (503),
/// cuts a request whose head trickles in for longer than the header timeout or whose body
/// arrives slower than the minimum rate (408), and answers heads over the size limit (431)
/// and unparseable requests (400) instead of dropping them silently. The answers are written
/// below the HTTP layer by the connection's ``RawTrafficWatcher`` and the connection closed.
///
/// Sits after Hummingbird's HTTP/1 codec, so it sees each request's head, body and end and
/// each response's head and end. Idle keep-alive connections (no byte of a next request) are
/// not its business: Hummingbird's idle timeout closes those without an answer, as HTTP allows.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum Phase {
        /// Between requests: nothing of the next one has arrived.
        case waiting
        /// Bytes of a request head arrived at `since`; it must be complete within the header timeout.
        case head(since: NIODeadline)
        /// The head came with a body, which must keep arriving at the minimum rate: bytes
        /// received since the window started.
        case body(receivedInWindow: Int, windowStart: NIODeadline)
        /// The request is complete and being answered.
        case answering
    }

    private let limits: ConnectionLimits
    private let connections: OpenConnections
    private let logger: Logger
    private var phase = Phase.waiting
    private var responseStarted = false
    private var counted = false
    private var watcher: RawTrafficWatcher?
    private var context: ChannelHandlerContext?
    /// The connection's one timer, checking the phase every ``ConnectionLimits/tick``.
    /// One repeating timer per connection rather than one scheduled and cancelled per request
    /// (two for a request with a body): under wrk the per-request timers were about 2 % of a
    /// cached `/v1/translate`.
    private var ticker: RepeatedTask?

    init(limits: ConnectionLimits, connections: OpenConnections, logger: Logger) {
        self.limits = limits
        self.connections = connections
        self.logger = logger
    }

    // MARK: Connection

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let watcher = RawTrafficWatcher(guardian: self)
        self.watcher = watcher
        do {
            try context.pipeline.syncOperations.addHandler(watcher, position: .first)
        } catch {
            logger.error("could not guard a connection", metadata: ["error": "\(error)"])
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish()
    }

    func channelActive(context: ChannelHandlerContext) {
        if connections.open(limit: limits.maxConnections) {
            counted = true
            let guardian = NIOLoopBound(self, eventLoop: context.eventLoop)
            ticker = context.eventLoop.scheduleRepeatedTask(initialDelay: limits.tick, delay: limits.tick) { _ in
                guardian.value.checkDeadlines()
            }
        } else {
            logger.warning("connection refused: the limit of open connections is reached", metadata: ["limit": "\(limits.maxConnections)"])
            refuse(status: 503, reason: "Service Unavailable", code: "too_many_connections",
                   message: "too many open connections; retry shortly", retryAfter: 1)
        }
        context.fireChannelActive() // the refused connection's reads are dropped by the watcher
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    // MARK: Requests

    /// Called by the watcher for every arriving chunk of bytes, before it is decoded.
    func bytesArrived(_ count: Int) {
        switch phase {
        case .waiting:
            phase = .head(since: .now())
        case .body(let received, let start):
            phase = .body(receivedInWindow: received + count, windowStart: start)
        case .head, .answering:
            break
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            responseStarted = false
            phase = Self.hasBody(request) ? .body(receivedInWindow: 0, windowStart: .now()) : .answering
        case .body:
            break
        case .end:
            phase = .answering
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response) where response.status.kind != .informational:
            responseStarted = true
        case .end:
            // A response may end before its request's body did (a 401 that did not read it):
            // the body is then still measured.
            if case .answering = phase { phase = .waiting }
        default:
            break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        if parserError == .headerOverflow {
            refuse(status: 431, reason: "Request Header Fields Too Large", code: "headers_too_large",
                   message: "the request line and headers are larger than the server accepts")
        } else {
            refuse(status: 400, reason: "Bad Request", code: "malformed_http", message: "the request is not valid HTTP/1.1")
        }
    }

    // MARK: Timeouts

    /// Runs every tick: cuts a head older than the header timeout, and a body that gained
    /// less than the minimum rate over a window that has ended (then starts the next window).
    private func checkDeadlines() {
        let now = NIODeadline.now()
        switch phase {
        case .head(let since) where now - since >= limits.headerTimeout:
            logger.info("cut a client whose request head was too slow", metadata: ["timeout": "\(limits.headerTimeout)"])
            refuse(status: 408, reason: "Request Timeout", code: "request_timeout",
                   message: "the request headers did not arrive in time")
        case .body(let received, let start) where now - start >= limits.bodyRateWindow:
            let required = limits.bytesRequired(over: now - start)
            if received >= required {
                phase = .body(receivedInWindow: 0, windowStart: now)
                return
            }
            logger.info("cut a client whose request body was too slow",
                        metadata: ["received": "\(received)", "required": "\(required)", "window": "\(now - start)"])
            if responseStarted {
                context?.close(promise: nil) // an answer is already on its way: do not send a second one
            } else {
                refuse(status: 408, reason: "Request Timeout", code: "request_timeout",
                       message: "the request body arrived too slowly")
            }
        default:
            break
        }
    }

    // MARK: Helpers

    private func refuse(status: Int, reason: String, code: String, message: String, retryAfter: Int? = nil) {
        phase = .answering
        watcher?.refuse(with: RawHTTPResponse.bytes(status: status, reason: reason, code: code, message: message, retryAfter: retryAfter))
    }

    private func finish() {
        ticker?.cancel()
        ticker = nil
        phase = .answering
        if counted {
            counted = false
            connections.close()
        }
    }

    private static func hasBody(_ request: HTTPRequest) -> Bool {
        if let length = request.headerFields[.contentLength].flatMap(Int.init) { return length > 0 }
        return request.headerFields[.transferEncoding] != nil
    }
}
