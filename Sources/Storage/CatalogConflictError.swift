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
