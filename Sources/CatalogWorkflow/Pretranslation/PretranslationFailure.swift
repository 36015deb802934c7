/// A key pre-translation did not store, and why (QA findings when QA refused the value).
public struct PretranslationFailure: Sendable, Hashable, Codable {
    public var namespace: String
    public var key: String
    public var reason: String
    /// The QA findings (`check: message`) that refused the machine value, if that was why.
    public var findings: [String]

    public init(namespace: String, key: String, reason: String, findings: [String] = []) {
        self.namespace = namespace
        self.key = key
        self.reason = reason
        self.findings = findings
    }
}
