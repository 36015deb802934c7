/// One language as the backends translate it: a FLORES-200 variety (`fra_Latn`), with the
/// codes the outside world uses for it and how it is written.
///
/// Parley knows every FLORES-200 variety (``LanguageRegistry``); the eight UI languages are
/// among them and carry their ``Language`` in ``uiLanguage``. Varieties compare and hash by
/// their FLORES-200 code, which is unique; ``code`` is the BCP 47 tag clients see, the shortest
/// CLDR gives (`fr`, `fa`, `zh-Hant`, `ks-Deva`, `fa-AF` for Dari).
public struct LanguageVariety: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The BCP 47 tag: `fr`, `zh-Hant`, `ar-Latn`.
    public let code: String
    /// The NLLB-200 / FLORES-200 code: `fra_Latn`.
    public let floresCode: String
    /// The ISO 15924 script: `Latn`, `Arab`, `Hant`.
    public let script: String
    /// CLDR's language subtag for it (`fa` for both Iranian Persian and Dari).
    public let languageSubtag: String
    /// The region the code names, when it names one (`AF` for Dari).
    public let region: String?
    public let direction: WritingDirection
    /// The name in English, from ICU (FLORES-200's where ICU has none).
    public let englishName: String
    /// The name in the language itself, from ICU (the English name where ICU has none).
    public let autonym: String
    /// The UI language this variety is, for the eight.
    public let uiLanguage: Language?

    /// The code LibreTranslate uses: its `zt` for Traditional Chinese, the BCP 47 code otherwise.
    public var libreTranslateCode: String {
        floresCode == "zho_Hant" ? "zt" : uiLanguage?.libreTranslateCode ?? code
    }

    /// Whether this is one of the eight UI languages.
    public var isUILanguage: Bool { uiLanguage != nil }

    public var description: String { code }

    public init(code: String, floresCode: String, script: String, languageSubtag: String, region: String?,
                direction: WritingDirection, englishName: String, autonym: String, uiLanguage: Language?) {
        self.code = code
        self.floresCode = floresCode
        self.script = script
        self.languageSubtag = languageSubtag
        self.region = region
        self.direction = direction
        self.englishName = englishName
        self.autonym = autonym
        self.uiLanguage = uiLanguage
    }

    /// The variety of one of the eight UI languages, from the language's own data.
    public init(_ language: Language) {
        self.init(code: language.code, floresCode: language.nllbCode, script: language.script, languageSubtag: language.code,
                  region: nil, direction: language.direction, englishName: language.englishName, autonym: language.autonym,
                  uiLanguage: language)
    }

    public static func == (lhs: LanguageVariety, rhs: LanguageVariety) -> Bool { lhs.floresCode == rhs.floresCode }
    public func hash(into hasher: inout Hasher) { hasher.combine(floresCode) }

    /// The eight first, in their order, then the others by code.
    public static func < (lhs: LanguageVariety, rhs: LanguageVariety) -> Bool {
        switch (lhs.uiLanguage, rhs.uiLanguage) {
        case let (l?, r?): l < r
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs.code < rhs.code
        }
    }
}
