/// Why ``StoreCopier`` refused or failed.
public enum StoreCopyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target already holds data; a copy does not merge.
    case targetNotEmpty(String, holds: [String])
    /// Reading the copy back found a difference from the source.
    case verificationFailed(String)

    public var description: String {
        switch self {
        case .targetNotEmpty(let location, let holds):
            "\(location) already holds \(holds.joined(separator: ", ")); copy into an empty database (a copy never merges)"
        case .verificationFailed(let reason): "the copy does not match its source: \(reason)"
        }
    }
}
