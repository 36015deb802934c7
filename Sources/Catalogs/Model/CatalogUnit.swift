import Storage

/// One key of one language for exchange files: English source, value and state.
public struct CatalogUnit: Sendable, Hashable {
    public var key: String
    public var source: CatalogValue
    public var value: CatalogValue?
    public var state: CatalogEntryState
}
