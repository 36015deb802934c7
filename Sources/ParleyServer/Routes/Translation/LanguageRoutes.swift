import Hummingbird
import TranslationEngine
import Languages

/// `GET /v1/languages`: the eight languages with their codes, script, direction and CLDR
/// plural categories, and which configured backends serve which pairs.
struct LanguageRoutes {
    let backends: any BackendStatusProvider

    struct LanguageInfo: Codable {
        struct Plurals: Codable {
            var cardinal: [String]
            var ordinal: [String]
        }
        var code: String
        var name: String
        var autonym: String
        var script: String
        var direction: String
        var nllb: String
        var libretranslate: String
        var plurals: Plurals
    }

    struct Pair: Codable {
        var source: String
        var target: String
        var backends: [String]
    }

    struct Listing: Codable {
        var languages: [LanguageInfo]
        var pairs: [Pair]
    }

    /// Computed once: ICU's answers do not change while the process runs.
    static let languages: [LanguageInfo] = Language.allCases.map { language in
        LanguageInfo(
            code: language.code, name: language.englishName, autonym: language.autonym, script: language.script,
            direction: language.direction.rawValue, nllb: language.nllbCode, libretranslate: language.libreTranslateCode,
            plurals: .init(
                cardinal: language.plurals.categories(.cardinal).map(\.rawValue),
                ordinal: language.plurals.categories(.ordinal).map(\.rawValue)))
    }

    func register(on router: ParleyRouter) {
        router.get("/v1/languages") { _, _ in
            try JSONResponse.make(Listing(languages: Self.languages, pairs: await pairs()))
        }
    }

    func pairs() async -> [Pair] {
        var servedBy: [String: [String]] = [:]
        for status in await backends.backendStatuses() {
            for pair in status.pairs { servedBy[pair, default: []].append(status.name) }
        }
        return servedBy.keys.sorted().compactMap { key in
            let sides = key.split(separator: "-")
            guard sides.count == 2, let names = servedBy[key] else { return nil }
            return Pair(source: String(sides[0]), target: String(sides[1]), backends: names)
        }
    }
}
