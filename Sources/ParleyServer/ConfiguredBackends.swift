import ServiceConfiguration

/// Reports the configured backends before anything has probed them: every one `unknown`.
/// The translation engine replaces this with live health.
public struct ConfiguredBackends: BackendStatusProvider {
    public let backends: [BackendSettings]

    public init(backends: [BackendSettings]) {
        self.backends = backends
    }

    public func backendStatuses() async -> [BackendStatus] {
        backends.map { BackendStatus(name: $0.name, kind: $0.kind.rawValue, url: $0.url, state: .unknown, detail: "not probed") }
    }
}
