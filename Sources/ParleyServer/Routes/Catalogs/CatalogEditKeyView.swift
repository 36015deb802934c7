import Catalogs
import Foundation
import Glossary
import Languages
import Storage

/// One key as the translator API shows it: source, translation, each plural form with an
/// example number of its CLDR category and the English form that number takes, state, revision
/// (the ETag), QA findings and glossary hits.
public struct CatalogEditKeyView: Codable, Sendable, Hashable {
    /// One plural form of the target language.
    public struct Form: Codable, Sendable, Hashable {
        public var category: String
        /// A number of this category (ICU), e.g. `3` for Arabic `few`.
        public var example: String
        /// The English form for that number (what a machine pre-translation starts from).
        public var source: String?
        public var translation: String?
    }

    /// One QA finding.
    public struct Finding: Codable, Sendable, Hashable {
        public var check: String
        public var severity: String
        /// The key, or `key_<category>` for a plural form.
        public var key: String?
        public var message: String
        /// `true` for findings recorded when a machine translation was refused (the key stayed untranslated).
        public var machine: Bool?

        init(_ finding: CatalogFinding, machine: Bool = false) {
            check = finding.check.rawValue
            severity = finding.severity.rawValue
            key = finding.key
            message = finding.message
            self.machine = machine ? true : nil
        }
    }

    /// A glossary term of the source and what it should be in the target language.
    public struct GlossaryHit: Codable, Sendable, Hashable {
        public var source: String
        public var target: String?
        public var doNotTranslate: Bool
        public var note: String?
    }

    public var language: String
    public var namespace: String
    public var key: String
    public var plural: Bool
    public var source: CatalogEditValueBody?
    public var translation: CatalogEditValueBody?
    public var pluralForms: [Form]?
    public var state: String
    /// The English source changed since this value was written; cleared by a save or review.
    public var needsReview: Bool
    public var revision: Int
    public var etag: String
    public var obsolete: Bool
    public var findings: [Finding]
    public var glossary: [GlossaryHit]
    public var updatedAt: Date
    public var updatedBy: String

    init(_ entry: CatalogEntry, glossary: Glossary?, machineFindings: [CatalogFinding] = []) {
        language = entry.language.code
        namespace = entry.namespace
        key = entry.key
        plural = entry.source?.isPlural ?? entry.value?.isPlural ?? false
        source = entry.source.map(CatalogEditValueBody.init)
        translation = entry.value.map(CatalogEditValueBody.init)
        if plural {
            let examples = Self.examples(entry.language)
            let english = Language.english.plurals
            pluralForms = entry.language.plurals.categories(.cardinal).map { category in
                let example = examples[category] ?? ""
                let sourceCategory = english.category(for: example) ?? .other
                return Form(
                    category: category.rawValue, example: example,
                    source: entry.source?.form(sourceCategory) ?? entry.source?.form(.other), translation: entry.value?.form(category))
            }
        }
        state = entry.state.rawValue
        needsReview = entry.needsReview
        revision = entry.revision
        etag = entry.etag
        obsolete = entry.obsolete
        findings = entry.findings.map { Finding($0) } + (entry.value == nil ? machineFindings.map { Finding($0, machine: true) } : [])
        var hits: [GlossaryHit] = []
        if let glossary, let source = entry.source, entry.language != .english {
            var seen: Set<String> = []
            for text in source.strings {
                for term in glossary.hits(inSource: text) where seen.insert(term.english).inserted {
                    hits.append(GlossaryHit(source: term.english, target: term.doNotTranslate ? term.english : term.terms[entry.language],
                                            doNotTranslate: term.doNotTranslate, note: term.note))
                }
            }
        }
        self.glossary = hits
        updatedAt = entry.updatedAt
        updatedBy = entry.updatedBy
    }

    /// Whether any finding is of `check` (a check id) or `severity` (`error`, `warning`, `info`).
    func hasFinding(_ filter: String) -> Bool {
        findings.contains { $0.check == filter || $0.severity == filter }
    }

    /// Whether `query` (lower-cased) occurs in the key, the source or the translation.
    func matches(_ query: String) -> Bool {
        let texts = [key] + (source.map(Self.strings) ?? []) + (translation.map(Self.strings) ?? [])
        return texts.contains { $0.lowercased().contains(query) }
    }

    private static func strings(_ body: CatalogEditValueBody) -> [String] {
        (body.value.map { [$0] } ?? []) + (body.forms.map { Array($0.values) } ?? [])
    }

    private static let exampleNumbers: [Language: [PluralCategory: String]] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { ($0, $0.plurals.exampleNumbers()) })

    /// An example number per CLDR category of `language` (ICU).
    static func examples(_ language: Language) -> [PluralCategory: String] {
        exampleNumbers[language] ?? language.plurals.exampleNumbers()
    }
}
