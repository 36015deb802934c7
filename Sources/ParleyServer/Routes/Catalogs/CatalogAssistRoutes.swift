import CatalogWorkflow
import Catalogs
import Foundation
import Hummingbird
import Languages
import Storage
import TranslationEngine

/// What helps a translator while typing, without saving anything:
///
/// - `POST /v1/catalogs/{lang}/{ns}/keys/{key}/check` lints a draft with the same checks as a
///   save (`catalog:read`): `{"findings": […], "errors": n, "warnings": n}`.
/// - `GET …/keys/{key}/suggestions` (`catalog:read`): a machine suggestion through the engine
///   (glossary and placeholder protection as in pre-translation, the backend named) and
///   translation-memory matches — translations in the same language of similar English
///   strings, exact and fuzzy, with their similarity.
struct CatalogAssistRoutes: Sendable {
    let edit: CatalogEditRoutes
    /// `nil`: no machine translation configured (`machineError` says so).
    let suggester: MachineSuggester?

    struct CheckResult: Codable {
        var findings: [CatalogEditKeyView.Finding]
        var errors: Int
        var warnings: Int
    }

    struct MachineItem: Codable {
        var value: CatalogEditValueBody
        var backend: String?
    }

    struct MemoryItem: Codable {
        var namespace: String
        var key: String
        var source: String
        var translation: CatalogEditValueBody
        var similarity: Int
        var exact: Bool
    }

    struct ErrorItem: Codable {
        var code: String
        var message: String
        var backend: String?
        var retryAfter: Int?
    }

    struct Suggestions: Codable {
        var machine: [MachineItem]
        var machineError: ErrorItem?
        var memory: [MemoryItem]
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/catalogs/{lang}/{ns}/keys/{key}/check") { request, context in
            try context.require(.catalogRead)
            let (language, namespace, key) = try edit.address(context)
            let entry = try await liveEntry(language, namespace, key)
            let body = try await request.decode(as: CatalogEditValueBody.self, context: context)
            let value = try body.catalogValue(for: language)
            let findings = try await edit.mapping { try await edit.catalogs.lint(language: language, namespace: namespace, key: entry.key, value: value) }
            return try JSONResponse.make(CheckResult(
                findings: findings.map { CatalogEditKeyView.Finding($0) },
                errors: findings.filter { $0.severity == .error }.count, warnings: findings.filter { $0.severity == .warning }.count))
        }
        router.get("/v1/catalogs/{lang}/{ns}/keys/{key}/suggestions") { _, context in
            try context.require(.catalogRead)
            let (language, namespace, key) = try edit.address(context)
            let entry = try await liveEntry(language, namespace, key)
            var result = Suggestions(machine: [], machineError: nil, memory: [])
            if let suggester {
                do {
                    if let suggestion = try await suggester.suggest(for: entry) {
                        result.machine.append(MachineItem(value: CatalogEditValueBody(suggestion.value), backend: suggestion.backend))
                    }
                } catch {
                    result.machineError = Self.errorItem(error)
                }
            } else if language != .english {
                result.machineError = ErrorItem(code: "no_machine_translation", message: "no machine translation is configured")
            }
            if let source = entry.source, !source.isLiteral {
                let matches = try await edit.mapping {
                    try await edit.catalogs.memory(
                        language: language, source: source.representative,
                        excluding: CatalogEntryID(namespace: namespace, key: entry.key, language: language.code))
                }
                result.memory = matches.map { match in
                    MemoryItem(namespace: match.namespace, key: match.key, source: match.source, translation: CatalogEditValueBody(match.translation),
                               similarity: match.similarity, exact: match.exact)
                }
            }
            return try JSONResponse.make(result)
        }
    }

    private func liveEntry(_ language: Language, _ namespace: String, _ key: String) async throws -> CatalogEntry {
        guard let entry = try await edit.mapping({ try await edit.catalogs.entry(language: language, namespace: namespace, key: key) }), !entry.obsolete else {
            throw APIError.notFound("no key '\(key)' in \(language.code)/\(namespace)")
        }
        return entry
    }

    /// The machine's failure as the page shows it: the engine's stable code, backend and
    /// retry hint where there are some.
    static func errorItem(_ error: any Error) -> ErrorItem {
        if let engine = error as? EngineError {
            return ErrorItem(code: engine.code, message: engine.description, backend: engine.backend, retryAfter: engine.retryAfterSeconds)
        }
        return ErrorItem(code: "machine_translation_failed", message: "\(error)")
    }
}
