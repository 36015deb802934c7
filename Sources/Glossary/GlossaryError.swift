/// Why a glossary file could not be read at all (content problems are findings, not errors).
public enum GlossaryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Broken CSV syntax.
    case syntax(line: Int, reason: String)
    /// A header without an `en` column or with an unknown column.
    case header(String)
    /// The file could not be read.
    case unreadable(String)

    /// The HTTP status this error maps to.
    public var httpStatus: Int { 400 }
    /// The stable code.
    public var code: String { "malformed_glossary" }

    public var description: String {
        switch self {
        case .syntax(let line, let reason): "glossary line \(line): \(reason)"
        case .header(let reason): "glossary header: \(reason)"
        case .unreadable(let reason): "glossary unreadable: \(reason)"
        }
    }
}
