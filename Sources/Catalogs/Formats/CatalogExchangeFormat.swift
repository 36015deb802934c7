/// The file formats catalogs are exported to and imported from.
public enum CatalogExchangeFormat: String, Sendable, CaseIterable, Hashable {
    /// The i18next JSON tree (`<dir>/<lang>/<ns>.json`).
    case i18next
    /// XLIFF 2.0, `<dir>/<lang>.xlf` per target language.
    case xliff
    /// gettext PO, `<dir>/<lang>.po` per target language.
    case po

    /// The file extension of exchange files.
    public var fileExtension: String {
        switch self {
        case .i18next: "json"
        case .xliff: "xlf"
        case .po: "po"
        }
    }
}
