import Catalogs
import Languages
import Storage

/// `GET /v1/catalogs`: the namespaces, and per language how many keys are in which state and
/// how many QA errors and warnings their values have.
struct CatalogEditStats: Codable, Sendable {
    struct Counts: Codable, Sendable {
        var keys = 0
        var untranslated = 0
        var machine = 0
        var translated = 0
        var reviewed = 0
        /// Values whose English source changed since they were written.
        var needsReview = 0
        var errors = 0
        var warnings = 0
    }

    struct Namespace: Codable, Sendable {
        var name: String
        var languages: [String: Counts]
    }

    struct LanguageInfo: Codable, Sendable {
        var code: String
        var direction: String
        var source: Bool
        var totals: Counts
    }

    var sourceLanguage: String
    var languages: [LanguageInfo]
    var namespaces: [Namespace]

    static func make(_ catalogs: CatalogService) async throws -> CatalogEditStats {
        var namespaces: [Namespace] = []
        var totals: [Language: Counts] = [:]
        for name in try await catalogs.namespaces() {
            let records = try await catalogs.store.catalogEntries(namespace: name, language: nil).filter { !$0.obsolete }
            let sources = Dictionary(
                records.filter { $0.language == Language.english.code }.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            var languages: [String: Counts] = [:]
            for language in Language.allCases {
                var counts = Counts()
                for record in records where record.language == language.code && sources[record.key] != nil {
                    counts.keys += 1
                    switch record.state {
                    case .untranslated: counts.untranslated += 1
                    case .machine: counts.machine += 1
                    case .translated: counts.translated += 1
                    case .reviewed: counts.reviewed += 1
                    }
                    if record.needsReview && record.value != nil { counts.needsReview += 1 }
                    guard let encoded = record.value, let value = record.decode(encoded) else { continue }
                    let source = language == .english ? nil : sources[record.key].flatMap { source in
                        source.value.flatMap { source.decode($0) }
                    }
                    for finding in catalogs.linter.check(language: language, namespace: name, key: record.key, source: source, target: value) {
                        if finding.severity == .error { counts.errors += 1 } else if finding.severity == .warning { counts.warnings += 1 }
                    }
                }
                languages[language.code] = counts
                var total = totals[language] ?? Counts()
                total.keys += counts.keys
                total.untranslated += counts.untranslated
                total.machine += counts.machine
                total.translated += counts.translated
                total.reviewed += counts.reviewed
                total.needsReview += counts.needsReview
                total.errors += counts.errors
                total.warnings += counts.warnings
                totals[language] = total
            }
            namespaces.append(Namespace(name: name, languages: languages))
        }
        return CatalogEditStats(
            sourceLanguage: Language.english.code,
            languages: Language.allCases.map {
                LanguageInfo(code: $0.code, direction: $0.direction.rawValue, source: $0 == .english, totals: totals[$0] ?? Counts())
            },
            namespaces: namespaces)
    }
}
