/// Every language variety Parley knows — all of FLORES-200 — and the lenient parsing that maps
/// what clients send onto one of them.
///
/// Built once from ``FLORES200`` and the system ICU's CLDR data: each variety's BCP 47 code is
/// the shortest CLDR gives (the ISO 639-3 code canonicalized, with the script only where it is
/// not the language's likely one), its names are ICU's display names. The eight UI languages
/// are among the varieties, built from ``Language`` itself.
///
/// ```swift
/// let registry = LanguageRegistry.shared
/// try registry.variety(parsing: "fr-CA").floresCode    // "fra_Latn"
/// try registry.variety(parsing: "zh-TW").code          // "zh-Hant" (likely script of Taiwan)
/// try registry.variety(parsing: "xx")                  // throws .unknown("xx")
/// ```
public struct LanguageRegistry: Sendable {
    /// The registry of every FLORES-200 variety.
    public static let shared = LanguageRegistry()

    /// Every variety: the eight first, then the others by code.
    public let varieties: [LanguageVariety]
    private let byFlores: [String: LanguageVariety]
    private let byCode: [String: LanguageVariety]
    /// Varieties by CLDR language subtag, the variety without a region first.
    private let byLanguage: [String: [LanguageVariety]]

    /// Why a code maps onto no variety.
    public enum ParsingError: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case malformed(String)
        case unknown(String)

        public var description: String {
            switch self {
            case .empty: "language code is empty"
            case .malformed(let text): "'\(text)' is not a language code (BCP 47, such as fr or zh-Hant, or FLORES-200, such as fra_Latn)"
            case .unknown(let text): "language '\(text)' is not one Parley knows (GET /v1/languages lists them)"
            }
        }
    }

    init() {
        var built = Language.allCases.map(LanguageVariety.init)
        let ui = Set(built.map(\.floresCode))
        let others = FLORES200.codes.filter { !ui.contains($0) }
        let placed = others.map { Self.place($0) }
        var perLanguage: [String: Int] = [:]
        for language in built.map(\.languageSubtag) + placed.map(\.language) { perLanguage[language, default: 0] += 1 }
        for place in placed {
            built.append(Self.variety(place, sharesLanguage: perLanguage[place.language, default: 0] > 1))
        }
        varieties = built.sorted()
        byFlores = Dictionary(varieties.map { ($0.floresCode.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        byCode = Dictionary(varieties.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        byLanguage = Dictionary(grouping: varieties, by: \.languageSubtag).mapValues { group in
            group.sorted { ($0.region == nil ? 0 : 1, $0.isUILanguage ? 0 : 1) < ($1.region == nil ? 0 : 1, $1.isUILanguage ? 0 : 1) }
        }
    }

    /// The variety with this FLORES-200 code (`fra_Latn`, any case).
    public func variety(flores code: String) -> LanguageVariety? {
        byFlores[code.lowercased()]
    }

    /// The variety whose BCP 47 code is exactly this (`zh-Hant`, any case).
    public func variety(code: String) -> LanguageVariety? {
        byCode[code.lowercased()]
    }

    /// The variety of one of the eight.
    public func variety(for language: Language) -> LanguageVariety {
        LanguageVariety(language)
    }

    /// Maps what clients send onto the closest variety: BCP 47 tags with any region, script or
    /// case (`fr`, `fr-CA`, `pt_BR`, `zh-Hant`, `zh-TW`, `sr-Latn`), deprecated codes CLDR
    /// aliases (`iw`, `tl`), ISO 639-3 codes (`fra`, `pes`), FLORES-200 codes (`fra_Latn`) and
    /// LibreTranslate's own (`zt`, `pb`).
    ///
    /// A region picks a variety only where one is named by it (`fa-AF` is Dari); a script, given
    /// or likely for the region (`zh-TW` is Traditional), picks among a language's scripts, and
    /// a script the language is not written in here gives its main variety (`sr-Latn` → `sr`).
    public func variety(parsing input: String) throws(ParsingError) -> LanguageVariety {
        if let exact = byCode[input] { return exact }
        let text = input.trimmingSpaces()
        guard !text.isEmpty else { throw .empty }
        let dashed = text.replacingUnderscores().lowercased()
        if let known = byCode[dashed] ?? byFlores[dashed.replacingDashes()] { return known }
        if let alias = FLORES200.aliases[dashed].flatMap({ byFlores[$0.lowercased()] }) { return alias }
        let subtags = dashed.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count), primary.allSatisfy(\.isASCIILetter),
              subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(\.isASCIILetterOrDigit) })
        else { throw .malformed(text) }
        let identifier = subtags.joined(separator: "_")
        let canonical = ICULocale.canonical(identifier) ?? identifier
        // An ISO 639-3 code names its FLORES-200 varieties directly (`twi`, which CLDR folds
        // into Akan); anything else goes by CLDR's language.
        let direct = primary.count == 3 ? varieties.filter { $0.floresCode.hasPrefix(primary + "_") } : []
        let language = ICULocale.language(of: canonical)
        let candidates = direct.isEmpty ? byLanguage[language] ?? FLORES200.aliases[language].flatMap { byFlores[$0.lowercased()] }.map { [$0] } ?? [] : direct
        guard let main = candidates.first else { throw .unknown(text) }
        let region = ICULocale.region(of: canonical)
        let script = ICULocale.script(of: canonical) ?? ICULocale.likely(canonical).flatMap(ICULocale.script(of:))
        let scripted = script.map { script in candidates.filter { $0.isWritten(in: script) } } ?? []
        let pool = scripted.isEmpty ? candidates : scripted
        return pool.first { $0.region != nil && $0.region == region } ?? pool.first { $0.region == nil } ?? main
    }

    /// A non-UI variety's place in CLDR: its language subtag, region and likely script.
    private struct Place {
        let flores: String
        let script: String
        let language: String
        let region: String?
        let likelyScript: String?
    }

    private static func place(_ flores: String) -> Place {
        let parts = flores.split(separator: "_").map(String.init)
        let iso3 = parts.first ?? flores, script = parts.last ?? ""
        let canonical = ICULocale.canonical(iso3) ?? iso3
        let language = ICULocale.language(of: canonical)
        return Place(flores: flores, script: script, language: language, region: ICULocale.region(of: canonical),
                     likelyScript: ICULocale.likely(language).flatMap(ICULocale.script(of:)))
    }

    private static func variety(_ place: Place, sharesLanguage: Bool) -> LanguageVariety {
        let iso3 = String(place.flores.prefix(3))
        // The script is named only where it is not what the language is written in by default
        // (ks-Deva, zh-Hant), or where CLDR knows no default and another variety shares the language.
        let likely = place.likelyScript.map { scriptCovers($0, place.script) }
        let namesScript = likely == false || (likely == nil && sharesLanguage)
        var code = place.language + (namesScript ? "-" + place.script : "") + (place.region.map { "-" + $0 } ?? "")
        if let override = FLORES200.codeOverrides[place.flores] { code = override }
        let identifier = code.replacingDashes()
        // Where ICU lacks the language's name it still names the script: "taq (Tifinagh)".
        let english = FLORES200.englishNames[iso3].map { name in
            let raw = ICULocale.rawDisplayName(identifier, in: "en") ?? ""
            return raw.hasPrefix(place.language) ? name + raw.dropFirst(place.language.count) : name
        } ?? ICULocale.displayName(identifier, in: "en") ?? code
        let autonym = ICULocale.displayName(identifier, in: identifier) ?? english
        return LanguageVariety(
            code: code, floresCode: place.flores, script: place.script, languageSubtag: FLORES200.codeOverrides[place.flores] ?? place.language,
            region: place.region, direction: ICULocale.isRightToLeft(script: place.script) == true ? .rightToLeft : .leftToRight,
            englishName: english, autonym: autonym, uiLanguage: nil)
    }

    /// Whether text in `script` is what CLDR's likely script `likely` means: Korean's likely
    /// script is Kore (Hangul with Hanja), FLORES-200 writes it Hang; Japanese is Jpan.
    static func scriptCovers(_ likely: String, _ script: String) -> Bool {
        likely == script || (likely == "Kore" && script == "Hang") || (likely == "Jpan" && ["Hira", "Kana", "Hani"].contains(script))
    }
}

extension LanguageVariety {
    /// Whether the variety is written in `script` (or a script CLDR's `script` covers).
    func isWritten(in script: String) -> Bool {
        LanguageRegistry.scriptCovers(script, self.script)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
