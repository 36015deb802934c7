import Foundation
import Languages
import Storage

/// A catalog value as translators see it: value, state, revision (the ETag), the English source
/// and the QA findings of the current value.
public struct CatalogEntry: Sendable, Hashable {
    public var language: Language
    public var namespace: String
    public var key: String
    /// `nil` while untranslated.
    public var value: CatalogValue?
    public var state: CatalogEntryState
    public var revision: Int
    public var obsolete: Bool
    /// The English value.
    public var source: CatalogValue?
    public var findings: [CatalogFinding]
    /// The English source changed since this value was written (see
    /// ``Storage/CatalogEntryRecord/needsReview``).
    public var needsReview: Bool
    public var updatedAt: Date
    public var updatedBy: String

    /// The strong ETag of the entry: its revision, quoted.
    public var etag: String { "\"\(revision)\"" }

    init(record: CatalogEntryRecord, language: Language, source: CatalogValue?, findings: [CatalogFinding]) {
        self.language = language
        self.namespace = record.namespace
        self.key = record.key
        self.value = record.value.flatMap { record.decode($0) }
        self.state = record.state
        self.revision = record.revision
        self.obsolete = record.obsolete
        self.source = source
        self.findings = findings
        self.needsReview = record.needsReview
        self.updatedAt = record.updatedAt
        self.updatedBy = record.updatedBy
    }
}
