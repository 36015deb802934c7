import Foundation
import Storage

/// One event of an entry's history, values decoded.
public struct CatalogRevision: Sendable, Hashable {
    public var revision: Int
    public var kind: CatalogRevisionKind
    public var author: String
    public var at: Date
    public var oldValue: CatalogValue?
    public var newValue: CatalogValue?
    public var oldState: CatalogEntryState?
    public var newState: CatalogEntryState?
    public var note: String?

    init(record: CatalogRevisionRecord, isPlural: Bool) {
        revision = record.revision
        kind = record.kind
        author = record.author
        at = record.at
        oldValue = record.oldValue.flatMap { CatalogValue.decode($0, isPlural: isPlural) }
        newValue = record.newValue.flatMap { CatalogValue.decode($0, isPlural: isPlural) }
        oldState = record.oldState
        newState = record.newState
        note = record.note
    }
}
