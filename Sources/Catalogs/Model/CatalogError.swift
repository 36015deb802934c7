import Storage

/// Why a catalog operation failed. Each case maps to one HTTP status and one stable code.
public enum CatalogError: Error, Sendable, CustomStringConvertible {
    /// A catalog file (or exchange file) could not be read: `file`, the key path if any, why.
    case malformedFile(file: String, keyPath: String?, reason: String)
    /// A language, namespace or key name that is not allowed (`../x`, `pt`, `a b`).
    case invalidName(kind: String, name: String, reason: String)
    /// The tree has no English source.
    case missingSource(String)
    /// No such language, namespace or key.
    case notFound(String)
    /// The entry's revision is not the one the change was made against.
    case revisionMismatch(expected: Int?, current: CatalogEntry?)
    /// A save was refused because QA found errors.
    case rejectedByChecks([CatalogFinding])
    /// A request the catalogs cannot satisfy (e.g. reverting to a revision that does not exist).
    case invalidRequest(String)
    /// Reading or writing files failed.
    case io(String)

    /// The HTTP status this error maps to.
    public var httpStatus: Int {
        switch self {
        case .malformedFile, .invalidName, .missingSource, .invalidRequest: 400
        case .notFound: 404
        case .revisionMismatch: 412
        case .rejectedByChecks: 422
        case .io: 500
        }
    }

    /// The stable machine-readable code.
    public var code: String {
        switch self {
        case .malformedFile: "malformed_catalog"
        case .invalidName: "invalid_catalog_name"
        case .missingSource: "missing_source_catalog"
        case .notFound: "not_found"
        case .revisionMismatch: "revision_mismatch"
        case .rejectedByChecks: "qa_failed"
        case .invalidRequest: "invalid_catalog_request"
        case .io: "catalog_io_error"
        }
    }

    public var description: String {
        switch self {
        case .malformedFile(let file, let keyPath, let reason):
            if let keyPath { return "\(file): at key '\(keyPath)': \(reason)" }
            return "\(file): \(reason)"
        case .invalidName(let kind, let name, let reason): return "invalid \(kind) name '\(name)': \(reason)"
        case .missingSource(let message): return message
        case .notFound(let message): return message
        case .revisionMismatch(let expected, let current):
            return "revision mismatch: expected \(expected.map(String.init) ?? "none"), current \(current.map { String($0.revision) } ?? "none")"
        case .rejectedByChecks(let findings):
            return "rejected by QA: " + findings.filter { $0.severity == .error }.map(\.description).joined(separator: "; ")
        case .invalidRequest(let message): return message
        case .io(let message): return message
        }
    }
}
