/// One of the eight languages Parley translates and localizes into.
///
/// The registry is closed on purpose: routing, detection, catalogs and glossaries all assume
/// exactly these languages. Each case knows the codes the outside world uses for it — the
/// BCP-47 code clients send, the NLLB-200 code (`eng_Latn`) and LibreTranslate's code — and
/// how it is written (ISO 15924 script, direction).
///
/// Parse what a client sent with ``Language/init(parsing:)``; it accepts regional variants
/// (`en-US`, `ar-EG`), any letter case and NLLB codes, and names the supported codes when it
/// refuses.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case english = "en"
    case spanish = "es"
    case russian = "ru"
    case arabic = "ar"
    case ukrainian = "uk"
    case irish = "ga"
    case swahili = "sw"
    case hausa = "ha"

    /// The BCP-47 primary language subtag, e.g. `"ar"`.
    public var code: String { rawValue }

    /// The language's name in English.
    public var englishName: String {
        switch self {
        case .english: "English"
        case .spanish: "Spanish"
        case .russian: "Russian"
        case .arabic: "Arabic"
        case .ukrainian: "Ukrainian"
        case .irish: "Irish"
        case .swahili: "Swahili"
        case .hausa: "Hausa"
        }
    }

    /// The language's name in itself.
    public var autonym: String {
        switch self {
        case .english: "English"
        case .spanish: "español"
        case .russian: "русский"
        case .arabic: "العربية"
        case .ukrainian: "українська"
        case .irish: "Gaeilge"
        case .swahili: "Kiswahili"
        case .hausa: "Hausa"
        }
    }

    /// The ISO 15924 code of the script the language is written in here.
    public var script: String {
        switch self {
        case .russian, .ukrainian: "Cyrl"
        case .arabic: "Arab"
        default: "Latn"
        }
    }

    /// The writing direction of the language's script.
    public var direction: WritingDirection {
        self == .arabic ? .rightToLeft : .leftToRight
    }

    /// The NLLB-200 (FLORES-200) code: Modern Standard Arabic is `arb_Arab`, Swahili `swh_Latn`.
    public var nllbCode: String {
        switch self {
        case .english: "eng_Latn"
        case .spanish: "spa_Latn"
        case .russian: "rus_Cyrl"
        case .arabic: "arb_Arab"
        case .ukrainian: "ukr_Cyrl"
        case .irish: "gle_Latn"
        case .swahili: "swh_Latn"
        case .hausa: "hau_Latn"
        }
    }

    /// The code LibreTranslate uses (the ISO 639-1 code for all eight).
    public var libreTranslateCode: String { rawValue }

    /// The ICU locale identifier for plural rules, breaks and the like.
    public var icuLocale: String { rawValue }

    /// Plural categories (cardinal and ordinal) from ICU's CLDR data.
    public var plurals: PluralRules { PluralRules(locale: icuLocale) }

    /// The supported codes, in registry order, as shown in error messages.
    public static var supportedCodes: [String] { allCases.map(\.code) }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        guard let l = allCases.firstIndex(of: lhs), let r = allCases.firstIndex(of: rhs) else { return false }
        return l < r
    }
}
