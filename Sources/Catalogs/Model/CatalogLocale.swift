import Foundation
import Languages

/// What `/locales/{lng}` may name: one of the eight languages or a pseudo-locale.
public enum CatalogLocale: Sendable, Hashable, CustomStringConvertible {
    case language(Language)
    case pseudo(PseudoLocale)

    /// Resolves what a client sent: pseudo-locales by exact name (any case) first, then the
    /// language with regional fallback (`ar-EG` → `ar`, `es-419` → `es`, `EN_us` → `en`).
    public init?(resolving tag: String) {
        if let pseudo = PseudoLocale.allCases.first(where: { $0.rawValue.lowercased() == tag.lowercased() }) {
            self = .pseudo(pseudo)
            return
        }
        guard tag.count <= 35, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
              let language = Language.parse(tag) else { return nil }
        self = .language(language)
    }

    /// The code documents are served under (`ar`, `en-XA`).
    public var code: String {
        switch self {
        case .language(let language): language.code
        case .pseudo(let pseudo): pseudo.rawValue
        }
    }

    /// The plural rules clients use for it (a pseudo-locale uses its base language's).
    public var pluralLanguage: Language {
        switch self {
        case .language(let language): language
        case .pseudo(let pseudo): pseudo.pluralLanguage
        }
    }

    public var description: String { code }

    /// The language of `tag` when it is a real language (an ISO 639 code as Foundation's
    /// locale data knows it) that has no catalogs here: `fr`, `pt-BR` → `pt`, `zh-Hant` → `zh`.
    /// `nil` for one of the eight, a pseudo-locale or a tag that names no language (`xx`).
    public static func uncataloguedLanguage(_ tag: String) -> String? {
        guard CatalogLocale(resolving: tag) == nil, tag.count <= 35,
              tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        let primary = String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
        // und, zxx, mul and mis are codes for "no language" or "several"; they name no catalog.
        guard (2...3).contains(primary.count), isoLanguageCodes.contains(primary), !["und", "zxx", "mul", "mis"].contains(primary) else { return nil }
        return primary
    }

    private static let isoLanguageCodes = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))
}
