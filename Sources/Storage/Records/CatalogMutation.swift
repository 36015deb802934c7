/// One change to apply to a catalog entry, with the revision it was computed against.
///
/// A batch of mutations is applied in one transaction: when any entry's stored revision is not
/// `expectedRevision` (`nil`: the entry must not exist yet), nothing is written and the store
/// throws ``CatalogConflictError``.
public struct CatalogMutation: Sendable, Hashable {
    /// The complete new row.
    public var entry: CatalogEntryRecord
    public var expectedRevision: Int?
    /// History rows to append.
    public var history: [CatalogRevisionRecord]
    /// Whether the change alters what is served or exported (bumps the namespace version).
    public var touchesDocument: Bool

    public init(entry: CatalogEntryRecord, expectedRevision: Int?, history: [CatalogRevisionRecord], touchesDocument: Bool = true) {
        self.entry = entry
        self.expectedRevision = expectedRevision
        self.history = history
        self.touchesDocument = touchesDocument
    }
}
