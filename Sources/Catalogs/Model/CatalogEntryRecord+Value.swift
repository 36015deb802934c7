import Storage

extension CatalogEntryRecord {
    /// `encoded` (this entry's value, synced value or a revision's) decoded by the entry's kind.
    public func decode(_ encoded: String) -> CatalogValue? {
        CatalogValue.decode(encoded, isPlural: isPlural, isLiteral: isLiteral)
    }
}
