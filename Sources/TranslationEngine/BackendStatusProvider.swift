/// The last known state of one machine-translation backend, as `/readyz` and
/// `/v1/languages` report it.
public struct BackendStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        /// Answered its last health probe or call.
        case healthy
        /// Failing; calls are not sent (circuit open) or are failing.
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

    public init(name: String, kind: String, url: String, state: State, detail: String? = nil, pairs: [String] = []) {
        self.name = name
        self.kind = kind
        self.url = url
        self.state = state
        self.detail = detail
        self.pairs = pairs
    }
}

/// Where the server learns the backends' states; the translation engine is the real one.
public protocol BackendStatusProvider: Sendable {
    func backendStatuses() async -> [BackendStatus]
}
