import Catalogs
import Foundation
import Glossary
import Languages
import RichText
import Storage

/// Machine translation of a batch of texts from `source` to `target`: same count, same order.
/// Each text is a UI string with its placeholders, `$t()` and markup already replaced by
/// markers (or a plain segment between them). Wire it to the engine's `background` lane.
public typealias PretranslateFunction = @Sendable (_ texts: [String], _ source: Language, _ target: Language) async throws -> [String]

/// Fills the missing values of a catalog language by machine translation.
///
/// For each selected key (untranslated, and unless `onlyMissing` the `machine` ones): the English
/// source is protected (`{{…}}`, `$t(…)`, tags and glossary terms become markers; see
/// ``RichText/ProtectedText``), translated, and restored — when a marker comes back mangled, the
/// texts between the protected spans are translated instead, so no placeholder is ever lost.
/// Each target plural form comes from the English form whose category a representative number
/// of the target category falls into (Arabic `few` → the English form for 3, `other`). Right-to-
/// left output gets its isolates and punctuation fixed (``PretranslationPostEdit``), then QA
/// runs: a value with errors is not stored and its findings are recorded; the others are stored
/// in state `machine`. Keys are written in chunks, each chunk in one transaction and each key
/// whole; if machine translation fails, the run stops there: keys done so far stay stored, the
/// rest untouched, and the report says how many failed and why.
///
/// ```swift
/// let report = try await Pretranslator(catalogs: catalogs, translate: translate)
///     .run(PretranslationRequest(language: .arabic, namespace: "rooms")) { progress in print(progress.done) }
/// ```
public struct Pretranslator: Sendable {
    public let catalogs: CatalogService
    public let translate: PretranslateFunction
    /// Keys per translate call and per transaction.
    public var chunkSize: Int

    public init(catalogs: CatalogService, translate: @escaping PretranslateFunction, chunkSize: Int = 10) {
        self.catalogs = catalogs
        self.translate = translate
        self.chunkSize = max(1, chunkSize)
    }

    /// One key to translate: the entry and, per target form, the English text it comes from.
    struct Unit {
        var entry: CatalogEntry
        /// `nil` for a plain key.
        var categories: [PluralCategory]?
        var sources: [String]
    }

    /// Runs the pre-translation; `progress` is called after every chunk (and once at the start).
    /// - Throws: ``PretranslationError`` when the request cannot start; store errors. A failing
    ///   translate function does not throw: the report says so.
    public func run(
        _ request: PretranslationRequest, progress: @Sendable (PretranslationProgress) -> Void = { _ in }
    ) async throws -> PretranslationReport {
        let language = request.language
        guard language != .english else { throw PretranslationError.sourceLanguage }
        let namespaces: [String]
        let known = try await catalogs.namespaces()
        if let namespace = request.namespace {
            guard known.contains(namespace) else { throw PretranslationError.unknownNamespace(namespace) }
            namespaces = [namespace]
        } else {
            namespaces = known
        }
        var units: [Unit] = []
        for namespace in namespaces {
            for entry in try await catalogs.entries(language: language, namespace: namespace) {
                let refresh = !request.onlyMissing && entry.state == .machine
                    && !(request.keepMachineValuesSince.map { entry.updatedAt >= $0 } ?? false)
                guard !entry.obsolete, entry.state == .untranslated || refresh,
                      let unit = Self.unit(for: entry) else { continue }
                units.append(unit)
            }
        }
        var state = PretranslationProgress()
        state.total = units.count
        progress(state)
        var failures: [PretranslationFailure] = []
        var stoppedReason: String?
        let rules = catalogs.glossary?.rules(from: .english, to: language) ?? []
        var start = 0
        while start < units.count {
            let chunk = Array(units[start..<min(start + chunkSize, units.count)])
            start += chunk.count
            let outputs: [String: Result<String, any Error>]
            do {
                outputs = try await translateTexts(Array(Set(chunk.flatMap(\.sources))).sorted(), to: language, rules: rules)
            } catch {
                stoppedReason = "machine translation failed: \(error)"
                state.failed = units.count - state.done
                state.done = units.count
                break
            }
            var writes: [CatalogMachineWrite] = []
            for unit in chunk {
                let entry = unit.entry
                let value: CatalogValue
                switch Self.value(of: unit, from: outputs, language: language) {
                case .success(let made): value = made
                case .failure(let problem):
                    failures.append(PretranslationFailure(namespace: entry.namespace, key: entry.key, reason: "not translatable: \(problem.reason)"))
                    continue
                }
                let findings = try await catalogs.lint(language: language, namespace: entry.namespace, key: entry.key, value: value)
                if findings.contains(where: { $0.severity == .error }) {
                    let errors = findings.filter { $0.severity == .error }
                    failures.append(PretranslationFailure(
                        namespace: entry.namespace, key: entry.key, reason: "rejected by QA",
                        findings: errors.map { "\($0.check.rawValue): \($0.message)" }))
                    writes.append(CatalogMachineWrite(namespace: entry.namespace, key: entry.key, value: nil, findings: errors, expectedRevision: entry.revision))
                } else {
                    writes.append(CatalogMachineWrite(namespace: entry.namespace, key: entry.key, value: value, findings: findings, expectedRevision: entry.revision))
                }
            }
            let result = try await catalogs.storeMachineTranslations(language: language, writes: writes, author: request.author)
            state.translated += result.stored.count
            state.rejected += result.recorded.count
            state.skipped += result.skipped.count
            let untranslatable = chunk.count - writes.count
            state.rejected += untranslatable
            state.done += chunk.count
            progress(state)
        }
        if failures.count > 200 { failures = Array(failures.prefix(200)) }
        let report = PretranslationReport(language: language.code, progress: state, failures: failures, stoppedReason: stoppedReason)
        if let audit = catalogs.store as? any AuditStore {
            _ = try? await audit.appendAuditEvent(AuditEventRecord(
                at: Date(), actor: request.author, action: "catalog.pretranslate", language: language.code,
                namespace: request.namespace, detail: report.summary))
        }
        return report
    }

    /// The unit of `entry`: its English source texts, one per target plural form (the form
    /// a representative number of that category takes in English); `nil` for a fixed value
    /// or a key without source.
    static func unit(for entry: CatalogEntry) -> Unit? {
        guard let source = entry.source else { return nil }
        switch source {
        case .text(let text):
            return Unit(entry: entry, categories: nil, sources: [text])
        case .plural:
            let language = entry.language
            let categories = language.plurals.categories(.cardinal)
            let examples = exampleNumbers[language] ?? [:]
            let english = Language.english.plurals
            let texts = categories.map { category in
                let number = examples[category] ?? "100"
                let sourceCategory = english.category(for: number) ?? .other
                return source.form(sourceCategory) ?? source.form(.other) ?? source.representative
            }
            return Unit(entry: entry, categories: categories, sources: texts)
        case .literal:
            // A fixed value is not translated; /locales serves the English one.
            return nil
        }
    }

    /// A number per plural category of each language, asked of ICU once.
    private static let exampleNumbers = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, $0.plurals.exampleNumbers()) })

    /// Why a unit could not be put together from the machine's outputs.
    struct UnitProblem: Error {
        var reason: String
    }

    /// The value for `unit` from the translated `outputs` (keyed by source text), post-edited
    /// for right-to-left targets.
    static func value(of unit: Unit, from outputs: [String: Result<String, any Error>], language: Language) -> Result<CatalogValue, UnitProblem> {
        var texts: [String] = []
        for source in unit.sources {
            switch outputs[source] {
            case .success(let text)?: texts.append(PretranslationPostEdit.apply(text, language: language))
            case .failure(let error)?: return .failure(UnitProblem(reason: "\(error)"))
            case nil: return .failure(UnitProblem(reason: "no translation"))
            }
        }
        if let categories = unit.categories {
            return .success(.plural(zip(categories, texts).map { PluralForm($0, $1) }))
        }
        return .success(.text(texts.first ?? ""))
    }

    /// Translates distinct source texts: markers first (one call for the chunk), then the
    /// segments of those whose markers did not survive (a second call). A thrown error of the
    /// translate function propagates; a text that cannot be protected or restored fails alone.
    func translateTexts(_ sources: [String], to language: Language, rules: [GlossaryRule]) async throws -> [String: Result<String, any Error>] {
        var outputs: [String: Result<String, any Error>] = [:]
        var marked: [(source: String, protected: ProtectedText, text: String)] = []
        var segmented: [(source: String, protected: ProtectedText)] = []
        for source in sources {
            let protected: ProtectedText
            do {
                protected = try ProtectedText(text: source, glossary: rules, options: .uiStrings)
            } catch {
                outputs[source] = .failure(error)
                continue
            }
            if !protected.hasTranslatableText {
                outputs[source] = .success(protected.outputWithoutTranslation?.text ?? source)
            } else if let text = protected.markedText {
                marked.append((source, protected, text))
            } else {
                segmented.append((source, protected))
            }
        }
        if !marked.isEmpty {
            let translated = try await call(marked.map { $0.text }, to: language)
            for (item, output) in zip(marked, translated) {
                do {
                    outputs[item.source] = .success(try item.protected.restore(output).text)
                } catch {
                    segmented.append((item.source, item.protected))
                }
            }
        }
        if !segmented.isEmpty {
            let segments = segmented.map { $0.protected.segments }
            let translated = try await call(segments.flatMap { $0 }, to: language)
            var offset = 0
            for (item, pieces) in zip(segmented, segments) {
                let slice = Array(translated[offset..<(offset + pieces.count)])
                offset += pieces.count
                do {
                    outputs[item.source] = .success(try item.protected.reassemble(slice).text)
                } catch {
                    outputs[item.source] = .failure(error)
                }
            }
        }
        return outputs
    }

    private func call(_ texts: [String], to language: Language) async throws -> [String] {
        guard !texts.isEmpty else { return [] }
        let output = try await translate(texts, .english, language)
        guard output.count == texts.count else { throw PretranslationError.countMismatch(expected: texts.count, received: output.count) }
        return output
    }
}
