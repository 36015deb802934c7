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
}
