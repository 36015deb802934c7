/// A saved value: the entry as stored now and the QA findings (warnings; errors reject the save).
public struct CatalogSaveResult: Sendable, Hashable {
    public var entry: CatalogEntry
    public var findings: [CatalogFinding]
}
