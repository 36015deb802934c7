import Languages
import TranslationBackends

/// One way to translate a pair: straight through one backend, or through a pivot language
/// on two (possibly the same) backends.
public enum TranslationRoute: Sendable, Hashable, CustomStringConvertible {
    case direct(backend: String)
    case pivot(first: String, through: Language, second: String)

    /// The name reported as `backend` in responses: `lt`, or `nllb+lt` for a pivot.
    public var description: String {
        switch self {
        case .direct(let backend): backend
        case .pivot(let first, _, let second): first == second ? first : "\(first)+\(second)"
        }
    }

    var backendNames: [String] {
        switch self {
        case .direct(let backend): [backend]
        case .pivot(let first, _, let second): [first, second]
        }
    }
}
