/// What `parley catalog lint` found.
public struct CatalogLintReport: Sendable, Codable {
    public var findings: [CatalogFinding]
    public var files: Int
    /// English keys (a plural group counts once) and plural groups.
    public var keys: Int
    public var pluralGroups: Int
    /// Language → its CLDR cardinal categories, from ICU.
    public var pluralCategories: [String: [String]]

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }

    /// Findings sorted by severity, check and place, then a summary line.
    public func text(includeInfo: Bool = false) -> String {
        let sorted = findings.filter { includeInfo || $0.severity != .info }
            .sorted { ($0.severity, $0.check.rawValue, $0.location) < ($1.severity, $1.check.rawValue, $1.location) }
        var lines = sorted.map(\.description)
        lines.append("\(files) files, \(keys) keys (\(pluralGroups) plural groups): \(errors) errors, \(warnings) warnings")
        return lines.joined(separator: "\n")
    }
}
