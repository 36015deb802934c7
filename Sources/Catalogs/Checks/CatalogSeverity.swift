/// How serious a QA finding is: errors fail `parley catalog lint` and reject a save.
public enum CatalogSeverity: String, Sendable, Codable, Hashable, Comparable, CaseIterable {
    case error, warning, info

    public static func < (lhs: CatalogSeverity, rhs: CatalogSeverity) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
