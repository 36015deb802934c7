/// One QA finding: which check, how serious, where, and what is wrong.
public struct CatalogFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public var check: CatalogCheck
    public var severity: CatalogSeverity
    public var language: String?
    public var namespace: String?
    /// The key (a plural form as `key_<category>`), or a glossary line (`protoimsg.csv:12`).
    public var key: String?
    public var message: String

    public init(_ check: CatalogCheck, severity: CatalogSeverity? = nil, language: String? = nil, namespace: String? = nil, key: String? = nil, message: String) {
        self.check = check
        self.severity = severity ?? check.severity
        self.language = language
        self.namespace = namespace
        self.key = key
        self.message = message
    }

    /// `ar/rooms.json members.count_two`.
    public var location: String {
        var parts: [String] = []
        switch (language, namespace) {
        case let (language?, namespace?): parts.append("\(language)/\(namespace).json")
        case let (language?, nil): parts.append(language)
        case let (nil, namespace?): parts.append(namespace)
        default: break
        }
        if let key { parts.append(key) }
        return parts.joined(separator: " ")
    }

    public var description: String {
        "\(severity.rawValue.uppercased()) [\(check.rawValue)] \(location): \(message)"
    }
}
