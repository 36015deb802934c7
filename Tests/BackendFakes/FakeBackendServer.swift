/// What every fake MT server offers tests: its address, the fault switch, call counters and
/// the request log, and stopping. See ``FakeLibreTranslate``, ``FakeNLLBAPI``, ``FakeNLLBServe``.
public protocol FakeBackendServer: AnyObject, Sendable {
    /// The shared listener, fault switch and counters.
    var control: FakeServerControl { get }
}

extension FakeBackendServer {
    /// The bound port on 127.0.0.1.
    public var port: Int { control.port }
    /// `http://127.0.0.1:<port>` — the backend URL to configure.
    public var baseURL: String { control.baseURL }
    /// The fault in force; set it at any time.
    public var fault: FakeFault {
        get { control.fault }
        set { control.fault = newValue }
    }
    /// Replaces the default translation; nil restores it.
    public var translator: FakeTranslator? {
        get { control.translator }
        set { control.translator = newValue }
    }
    /// Translation requests received.
    public var requestCount: Int { control.requestCount }
    /// Texts per translation request, in order.
    public var batchSizes: [Int] { control.batchSizes }
    /// The most translation requests in progress at once.
    public var maxConcurrentRequests: Int { control.maxConcurrentRequests }
    /// When true, faults hit only translation requests (health and discovery keep working).
    public var faultsHitOnlyTranslations: Bool {
        get { control.faultsHitOnlyTranslations }
        set { control.faultsHitOnlyTranslations = newValue }
    }
    /// How long ``FakeFault/timeout`` holds a request (30 s by default).
    public var hangDuration: Duration {
        get { control.hangDuration }
        set { control.hangDuration = newValue }
    }
    /// Every request received, in order.
    public var requests: [FakeRequest] { control.requests }
    /// Clears counters and the request log.
    public func resetCounters() { control.resetCounters() }
    /// Stops listening (connections are then refused).
    public func stop() async { await control.stop() }
    /// Listens again on the same port.
    public func restart() async throws(FakeServerError) { try await control.restart() }
}
