import Foundation

/// One event in a catalog entry's history: who, when, old → new.
public struct CatalogRevisionRecord: Sendable, Hashable {
    public var namespace: String
    public var key: String
    public var language: String
    /// The entry's revision after this event (a suggestion carries the revision it was made against).
    public var revision: Int
    public var kind: CatalogRevisionKind
    public var author: String
    public var at: Date
    public var oldValue: String?
    public var newValue: String?
    public var oldState: CatalogEntryState?
    public var newState: CatalogEntryState?
    public var note: String?

    public init(
        namespace: String, key: String, language: String, revision: Int, kind: CatalogRevisionKind, author: String,
        at: Date, oldValue: String?, newValue: String?, oldState: CatalogEntryState?, newState: CatalogEntryState?,
        note: String? = nil
    ) {
        self.namespace = namespace
        self.key = key
        self.language = language
        self.revision = revision
        self.kind = kind
        self.author = author
        self.at = at
        self.oldValue = oldValue
        self.newValue = newValue
        self.oldState = oldState
        self.newState = newState
        self.note = note
    }
}
