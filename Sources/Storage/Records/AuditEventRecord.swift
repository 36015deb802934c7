import Foundation

/// One entry of the audit log that is not a catalog revision: a pre-translation job started or
/// finished, say. (Changes to catalog values are audited through their revisions, which are
/// written in the same transaction as the change.)
public struct AuditEventRecord: Sendable, Hashable {
    /// Assigned by the store; `0` for an event not stored yet.
    public var id: Int64
    public var at: Date
    /// Who did it (the API key's name and id, `cli`, …).
    public var actor: String
    /// What happened (`pretranslate.started`, `pretranslate.finished`).
    public var action: String
    public var language: String?
    public var namespace: String?
    public var key: String?
    /// Free text (counts, reasons).
    public var detail: String?

    public init(
        id: Int64 = 0, at: Date, actor: String, action: String, language: String? = nil, namespace: String? = nil,
        key: String? = nil, detail: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.language = language
        self.namespace = namespace
        self.key = key
        self.detail = detail
    }
}
