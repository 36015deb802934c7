/// Why a configuration was refused. Start-up stops with ``description``, which names the
/// field (as a dotted path, `backends[1].url`) and where the value came from.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted path of the offending field, e.g. `server.port`.
    public var field: String
    /// What is wrong with it.
    public var reason: String
    /// Where the value came from: a file path, an environment variable or a flag.
    public var origin: String?

    public init(field: String, reason: String, origin: String? = nil) {
        self.field = field
        self.reason = reason
        self.origin = origin
    }

    public var description: String {
        if let origin { return "invalid configuration: \(field) (from \(origin)): \(reason)" }
        return "invalid configuration: \(field): \(reason)"
    }
}
