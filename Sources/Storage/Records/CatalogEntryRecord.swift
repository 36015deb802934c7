import Foundation

/// One stored catalog value: a key of a namespace in one language.
///
/// `value` is opaque to the store: the plain string, or for a plural group the forms as a JSON
/// object in file order (`{"one":"…","other":"…"}`); the Catalogs module encodes and decodes it.
public struct CatalogEntryRecord: Sendable, Hashable {
    public var namespace: String
    /// The dotted key path (`members.count`; a plural group's base key).
    public var key: String
    /// The language code (`ar`).
    public var language: String
    /// Position in this language's file, `nil` when the key never came from a file of it.
    public var position: Int?
    public var isPlural: Bool
    /// A fixed value (boolean, number, null as JSON text), not a translatable string.
    public var isLiteral: Bool
    /// The English source changed since this translation was written: it is still served (a
    /// stale translation in the reader's language beats English) until someone saves or
    /// reviews it. Setting or clearing the flag is not a new revision.
    public var needsReview: Bool
    /// The value, `nil` while untranslated.
    public var value: String?
    public var state: CatalogEntryState
    /// Monotonic per key and language, starting at 1; the entry's ETag.
    public var revision: Int
    /// Gone from the English source: kept with its history, not served or exported.
    public var obsolete: Bool
    /// The value of the last file sync (import or export), the base of the 3-way merge.
    public var synced: String?
    /// Stored QA findings of the current value (JSON), if any.
    public var findings: String?
    public var updatedAt: Date
    public var updatedBy: String

    public init(
        namespace: String, key: String, language: String, position: Int?, isPlural: Bool, value: String?,
        state: CatalogEntryState, revision: Int, obsolete: Bool = false, synced: String? = nil,
        findings: String? = nil, updatedAt: Date, updatedBy: String, isLiteral: Bool = false, needsReview: Bool = false
    ) {
        self.namespace = namespace
        self.key = key
        self.language = language
        self.position = position
        self.isPlural = isPlural
        self.isLiteral = isLiteral
        self.needsReview = needsReview
        self.value = value
        self.state = state
        self.revision = revision
        self.obsolete = obsolete
        self.synced = synced
        self.findings = findings
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The identity of the entry.
    public var id: CatalogEntryID { CatalogEntryID(namespace: namespace, key: key, language: language) }
}
