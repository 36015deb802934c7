import Catalogs
import Languages
import Synchronization

/// Machine translation that also names the backend which answered: `([texts], source, target)
/// → (texts, backend)`. Wire it to the engine's interactive lane
/// (``MachineSuggester/engineFunction(_:)``).
public typealias NamedTranslateFunction = @Sendable (_ texts: [String], _ source: Language, _ target: Language) async throws -> (texts: [String], backend: String?)

/// A machine suggestion for one key, for a translator to accept or not: the key's English
/// source protected exactly as in pre-translation (placeholders, `$t()`, markup and glossary
/// terms kept out of the machine's reach, plural forms from the English form of a
/// representative number, right-to-left post-editing), translated in the interactive lane.
/// Nothing is stored.
///
/// ```swift
/// let suggestion = try await MachineSuggester(catalogs: catalogs, translate: MachineSuggester.engineFunction(engine))
///     .suggest(for: entry)    // MachineSuggestion(value: .plural([...]), backend: "nllb")
/// ```
public struct MachineSuggester: Sendable {
    public let catalogs: CatalogService
    public let translate: NamedTranslateFunction

    public init(catalogs: CatalogService, translate: @escaping NamedTranslateFunction) {
        self.catalogs = catalogs
        self.translate = translate
    }

    /// The suggestion for `entry`; `nil` for a key with nothing to translate (English, a fixed
    /// value, no source). Throws the machine's error, or ``MachineSuggestionError`` when the
    /// translation could not be put back together.
    public func suggest(for entry: CatalogEntry) async throws -> MachineSuggestion? {
        guard entry.language != .english, let unit = Pretranslator.unit(for: entry) else { return nil }
        let backend = Mutex<String?>(nil)
        let translate = self.translate
        let pretranslator = Pretranslator(catalogs: catalogs, translate: { texts, source, target in
            let answer = try await translate(texts, source, target)
            if let name = answer.backend { backend.withLock { $0 = $0 ?? name } }
            return answer.texts
        })
        let rules = catalogs.glossary?.rules(from: .english, to: entry.language) ?? []
        let outputs = try await pretranslator.translateTexts(Array(Set(unit.sources)).sorted(), to: entry.language, rules: rules)
        switch Pretranslator.value(of: unit, from: outputs, language: entry.language) {
        case .success(let value):
            return MachineSuggestion(value: value, backend: backend.withLock { $0 })
        case .failure(let problem):
            throw MachineSuggestionError.notTranslatable(problem.reason)
        }
    }
}

/// What the machine suggests for a key, and which backend said it (`nil` when no backend was
/// needed, e.g. a value that is all glossary terms).
public struct MachineSuggestion: Sendable, Hashable {
    public var value: CatalogValue
    public var backend: String?
}

/// Why a machine suggestion could not be made although the machine answered.
public enum MachineSuggestionError: Error, Sendable, Hashable, CustomStringConvertible {
    case notTranslatable(String)

    public var description: String {
        switch self {
        case .notTranslatable(let reason): "the machine's translation could not be used: \(reason)"
        }
    }
}
