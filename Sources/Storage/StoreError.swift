/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database could not be opened, read or written.
    case unavailable(String)
    /// A uniqueness rule was broken (e.g. an API key name already in use).
    case conflict(String)
    /// `store.url` does not name a store Parley can open (the text says why, without a password).
    case invalidURL(String)
    /// The database's schema was written by a newer Parley than this one.
    case schemaTooNew(found: Int, known: Int)

    public var description: String {
        switch self {
        case .unavailable(let reason): "store unavailable: \(reason)"
        case .conflict(let reason): "store conflict: \(reason)"
        case .invalidURL(let reason): "store.url: \(reason)"
        case .schemaTooNew(let found, let known):
            "the store's schema is version \(found), newer than this Parley knows (\(known)): upgrade Parley, or point it at another database"
        }
    }
}
