/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database could not be opened, read or written.
    case unavailable(String)
    /// A uniqueness rule was broken (e.g. an API key name already in use).
    case conflict(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "store unavailable: \(reason)"
        case .conflict(let reason): "store conflict: \(reason)"
        }
    }
}
