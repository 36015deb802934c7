/// The last known state of one machine-translation backend, as `/readyz`, `/v1/languages`
/// and `parley backends` report it.
public struct BackendStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        /// Answered its last health probe or call.
        case healthy
        /// Failing; calls are held back while its circuit is open.
        case unhealthy
        /// Not probed yet.
        case unknown
    }

    public var name: String
    public var kind: String
    public var url: String
    public var state: State
    /// Why it is unhealthy, when known.
    public var detail: String?
    /// Language pairs it serves (`en-es`), from capability discovery.
    public var pairs: [String]
    /// Circuit breaker state: closed, open or half_open.
    public var breaker: String?
    /// Moving average of its answer time.
    public var latencyMilliseconds: Double?

    public init(name: String, kind: String, url: String, state: State, detail: String? = nil, pairs: [String] = [], breaker: String? = nil, latencyMilliseconds: Double? = nil) {
        self.name = name
        self.kind = kind
        self.url = url
        self.state = state
        self.detail = detail
        self.pairs = pairs
        self.breaker = breaker
        self.latencyMilliseconds = latencyMilliseconds
    }
}

/// Where the server learns the backends' states; ``BackendMonitor`` is the real one.
public protocol BackendStatusProvider: Sendable {
    func backendStatuses() async -> [BackendStatus]
}
