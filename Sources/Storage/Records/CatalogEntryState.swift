/// Where a catalog value stands in the translation workflow.
///
/// Values in `machine`, `translated` and `reviewed` are served; `untranslated` keys fall back to
/// the English source. Shipped catalog files import as `translated`; only a reviewer makes a
/// value `reviewed`.
public enum CatalogEntryState: String, Sendable, Codable, CaseIterable, Hashable {
    case untranslated
    case machine
    case translated
    case reviewed

    /// Whether a value in this state is served to clients.
    public var isServed: Bool { self != .untranslated }
}
