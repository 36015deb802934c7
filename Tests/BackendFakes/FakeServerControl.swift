import Foundation
import Synchronization

/// The part every fake shares: the listener, the fault switch, the call counters and the
/// request log. Thread-safe; tests flip faults while requests are in flight.
public final class FakeServerControl: Sendable {
    struct State: Sendable {
        var port = 0
        var fault = FakeFault.none
        var failAfterRemaining = 0
        var hangDuration: Duration = .seconds(30)
        var faultsHitOnlyTranslations = false
        var translator: FakeTranslator?
        var requestCount = 0
        var batchSizes: [Int] = []
        var requests: [FakeRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    private let stateBox: StateBox
    private let host: FakeServerHost

    /// Holds the state for the request handler without a reference cycle through the host.
    final class StateBox: Sendable {
        let state = Mutex(State())
    }

    init<Dialect: FakeDialect>(dialect: Dialect) {
        let box = StateBox()
        self.stateBox = box
        let signal = FakeStopSignal()
        self.host = FakeServerHost(signal: signal) { request in await Self.handle(request, box: box, dialect: dialect, signal: signal) }
    }

    /// Starts listening on a free port.
    func start() async throws(FakeServerError) {
        let port = try await host.start()
        stateBox.state.withLock { $0.port = port }
    }

    // MARK: - Public controls

    /// The bound port.
    public var port: Int { stateBox.state.withLock { $0.port } }

    /// `http://127.0.0.1:<port>`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The fault in force; ``FakeFault/none`` for normal behaviour.
    public var fault: FakeFault {
        get { stateBox.state.withLock { $0.fault } }
        set {
            stateBox.state.withLock { state in
                state.fault = newValue
                if case .failAfter(let n) = newValue { state.failAfterRemaining = n }
            }
        }
    }

    /// When true, faults hit only translation requests; health and discovery keep working
    /// (a server whose model is broken but whose web layer is fine). False by default.
    public var faultsHitOnlyTranslations: Bool {
        get { stateBox.state.withLock { $0.faultsHitOnlyTranslations } }
        set { stateBox.state.withLock { $0.faultsHitOnlyTranslations = newValue } }
    }

    /// How long ``FakeFault/timeout`` holds a request (30 s by default).
    public var hangDuration: Duration {
        get { stateBox.state.withLock { $0.hangDuration } }
        set { stateBox.state.withLock { $0.hangDuration = newValue } }
    }

    /// Replaces the fake's default translation (`text`, server's source and target codes).
    public var translator: FakeTranslator? {
        get { stateBox.state.withLock { $0.translator } }
        set { stateBox.state.withLock { $0.translator = newValue } }
    }

    /// Translation requests received (faulted ones included).
    public var requestCount: Int { stateBox.state.withLock { $0.requestCount } }

    /// The number of texts in each translation request, in arrival order.
    public var batchSizes: [Int] { stateBox.state.withLock { $0.batchSizes } }

    /// The most translation requests that were in progress at the same time.
    public var maxConcurrentRequests: Int { stateBox.state.withLock { $0.maxInFlight } }

    /// Every request received (any route), in arrival order.
    public var requests: [FakeRequest] { stateBox.state.withLock { $0.requests } }

    /// Clears the counters and the request log (not the fault).
    public func resetCounters() {
        stateBox.state.withLock { state in
            state.requestCount = 0
            state.batchSizes = []
            state.requests = []
            state.maxInFlight = state.inFlight
        }
    }

    /// Stops listening: connections to the port are refused until ``restart()``.
    public func stop() async {
        await host.stop()
    }

    /// Listens again on the same port after ``stop()``.
    public func restart() async throws(FakeServerError) {
        await host.stop()
        _ = try await host.start(port: port)
    }

    /// A URL on 127.0.0.1 where nothing listens (a port bound and released at once), for
    /// "connection refused" tests.
    public static func closedPortURL() async throws(FakeServerError) -> String {
        let host = FakeServerHost { _ in FakeResponse(status: 404, reason: "Not Found", contentType: nil, body: "") }
        let port = try await host.start()
        await host.stop()
        return "http://127.0.0.1:\(port)"
    }

    // MARK: - Handling

    private static func handle(_ request: FakeRequest, box: StateBox, dialect: some FakeDialect, signal: FakeStopSignal) async -> FakeResponse {
        let batch = dialect.translationBatchSize(request)
        let (fault, hang, custom) = box.state.withLock { state -> (FakeFault, Duration, FakeTranslator?) in
            state.requests.append(request)
            if let batch {
                state.requestCount += 1
                state.batchSizes.append(batch)
                state.inFlight += 1
                state.maxInFlight = max(state.maxInFlight, state.inFlight)
            }
            var fault = state.fault
            if batch == nil, state.faultsHitOnlyTranslations { fault = .none }
            if case .failAfter = fault {
                if state.failAfterRemaining > 0 {
                    if batch != nil { state.failAfterRemaining -= 1 }
                    fault = .none
                } else {
                    fault = .serverError
                }
            }
            return (fault, state.hangDuration, state.translator)
        }
        defer {
            if batch != nil { box.state.withLock { $0.inFlight -= 1 } }
        }
        var behaviour = FakeBehaviour(custom: custom)
        switch fault {
        case .none, .failAfter:
            break
        case .echo:
            behaviour.echo = true
        case .wrongCount:
            behaviour.wrongCount = true
        case .timeout:
            guard await signal.pause(for: hang) else { return .dropped }
        case .refuseConnections:
            return .dropped
        case .serverError:
            return dialect.serverError()
        case .rateLimited(let retryAfter):
            return dialect.rateLimited(retryAfter: retryAfter)
        case .malformedJSON:
            return FakeResponse(status: 200, reason: "OK", contentType: "application/json", body: "{\"translatedText\": [\"cut off")
        case .slowBody(let delay):
            var response = await dialect.respond(to: request, behaviour: behaviour)
            response.bodyDelay = delay
            return response
        case .resetMidBody:
            var response = await dialect.respond(to: request, behaviour: behaviour)
            response.resetMidBody = true
            return response
        case .badGateway:
            return FakeResponse(status: 502, reason: "Bad Gateway", contentType: "text/html", body: NginxPage.badGateway)
        case .delay(let delay):
            guard await signal.pause(for: delay) else { return .dropped }
        }
        return await dialect.respond(to: request, behaviour: behaviour)
    }
}
