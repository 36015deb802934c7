import Languages

/// Something wrong in the glossary file itself: a broken row, an empty cell, a duplicate term, a
/// conflict. The catalog QA turns these into `glossary-file` findings; `parley glossary check`
/// prints them.
public struct GlossaryProblem: Sendable, Hashable {
    /// How serious a problem is: errors fail `parley glossary check` and catalog lint.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    /// The language column, when the problem is in one cell.
    public var language: Language?
    /// The file and line (`protoimsg.csv:12`).
    public var origin: String
    public var message: String

    public init(_ severity: Severity = .error, language: Language? = nil, origin: String, message: String) {
        self.severity = severity
        self.language = language
        self.origin = origin
        self.message = message
    }
}
