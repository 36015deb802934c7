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

    init(record: CatalogRevisionRecord, entry: CatalogEntryRecord) {
        revision = record.revision
        kind = record.kind
        author = record.author
        at = record.at
        oldValue = record.oldValue.flatMap { entry.decode($0) }
        newValue = record.newValue.flatMap { entry.decode($0) }
        oldState = record.oldState
        newState = record.newState
        note = record.note
    }
}
