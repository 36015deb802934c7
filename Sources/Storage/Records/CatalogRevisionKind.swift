/// What produced a revision of a catalog entry.
public enum CatalogRevisionKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Loaded from catalog files (i18next, XLIFF or PO).
    case `import`
    /// Saved by a translator (API or CLI).
    case edit
    /// A file value that conflicted with a store edit; recorded, not applied.
    case suggestion
    /// A return to an earlier revision's value, as a new revision.
    case revert
    /// A state change (e.g. translated → reviewed) without a value change.
    case review
    /// The key left the English source; kept in history, no longer served.
    case obsolete
}
