/// What ``StoreCopier`` copied.
public struct StoreCopyReport: Sendable, Equatable, CustomStringConvertible {
    public var apiKeys = 0
    public var entries = 0
    public var revisions = 0
    public var versions = 0
    public var auditEvents = 0
    public var cachedTranslations = 0

    public init() {}

    public var description: String {
        "\(apiKeys) API keys, \(entries) catalog entries, \(revisions) revisions, \(versions) namespace versions, "
            + "\(auditEvents) audit events, \(cachedTranslations) cached translations"
    }
}
