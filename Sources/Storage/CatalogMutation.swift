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

/// Someone else changed the entry first: its revision is not the one the change was made against.
public struct CatalogConflictError: Error, Sendable, Hashable, CustomStringConvertible {
    public var entry: CatalogEntryID
    public var expectedRevision: Int?
    /// The stored revision, `nil` when the entry does not exist.
    public var actualRevision: Int?

    public init(entry: CatalogEntryID, expectedRevision: Int?, actualRevision: Int?) {
        self.entry = entry
        self.expectedRevision = expectedRevision
        self.actualRevision = actualRevision
    }

    public var description: String {
        "\(entry) is at revision \(actualRevision.map(String.init) ?? "none"), expected \(expectedRevision.map(String.init) ?? "none")"
    }
}
