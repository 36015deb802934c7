import Foundation
import Glossary
import Languages
import RichText
import Storage
import Synchronization
import TranslationBackends

extension TranslationEngine {
    /// Glossary rules for one pair (see ``Glossary/rules(from:to:)``).
    public func glossaryRules(for pair: LanguagePair) -> [GlossaryRule] {
        glossary?.rules(from: pair.source, to: pair.target) ?? []
    }

    /// Translates strings its caller has already protected (e.g. UI strings with their
    /// placeholders replaced by markers), as they are, for one pair; throws the first failure.
    public func translatePrepared(_ strings: [String], pair: LanguagePair, lane: PriorityLane) async throws(EngineError) -> [String] {
        if pair.source == pair.target { return strings }
        return try await translateStrings(strings, pair: pair, lane: lane, deadline: .now + requestTimeout, trace: StringTranslationTrace())
    }

    /// ``translatePrepared(_:pair:lane:)``, also naming the backend that answered (`nil` when
    /// nothing needed one; the backends' names joined by `,` after a failover halfway).
    public func translatePreparedNamingBackend(
        _ strings: [String], pair: LanguagePair, lane: PriorityLane
    ) async throws(EngineError) -> (texts: [String], backend: String?) {
        if pair.source == pair.target { return (strings, nil) }
        let trace = StringTranslationTrace()
        let texts = try await translateStrings(strings, pair: pair, lane: lane, deadline: .now + requestTimeout, trace: trace)
        return (texts, trace.backend)
    }

    /// Options for plain text: chat span detection, no byte limit (the API limits characters).
    static let plainTextOptions = RichTextOptions(byteLimit: nil, detection: .chat)

    /// Plain text with its protected spans (URLs, handles, tags, emoji, code, glossary terms)
    /// kept out of the backend's reach.
    ///
    /// The finished translation of the whole text is kept in the memory cache too (keyed
    /// apart from backend calls), so a repeated text skips span detection and its pieces'
    /// lookups altogether. Only the backend calls go to the store: after a restart, the
    /// first repeat is put together from them again.
    func translateProtected(_ text: String, pair: LanguagePair, lane: PriorityLane, deadline: ContinuousClock.Instant) async -> Result<TranslatedText, EngineError> {
        let whole = TranslationWork(text: text, pair: pair, format: .text, glossaryVersion: glossaryVersion, layer: .protectedText)
        // Whole texts live in memory only, so this never waits (unless the backends' pairs
        // are still to be discovered).
        let routes: [TranslationRoute]
        if let known = planner.knownRoutes(for: pair) {
            routes = known
        } else {
            routes = await planner.routes(for: pair)
        }
        if let hit = memoryCachedTranslation(of: whole, routes: routes) {
            return .success(hit)
        }
        let trace = StringTranslationTrace()
        do {
            let outcome = try await RichTextTranslator(options: Self.plainTextOptions).translate(text, glossary: glossaryRules(for: pair)) { strings in
                try await self.translateStrings(strings, pair: pair, lane: lane, deadline: deadline, trace: trace)
            }
            guard let translation = outcome.translation else {
                return .success(TranslatedText(text: text, backend: nil, cached: false, unchanged: true))
            }
            // Keyed by the one route every piece took; a text whose pieces took different
            // routes (a failover half-way) is not kept whole.
            if let backend = trace.backend, let route = routes.first(where: { $0.description == backend }) {
                cache.insert(
                    CachedTranslation(key: whole.cacheKey(model: modelIdentity(of: route)), text: translation.text, backend: backend, createdAt: Date()),
                    persist: false)
            }
            return .success(TranslatedText(text: translation.text, backend: trace.backend, cached: trace.allCached, unchanged: false))
        } catch let error as EngineError {
            return .failure(error)
        } catch {
            return .failure(.protectionFailed("\(error)"))
        }
    }

    /// Translates the strings (markers or segments) of one text concurrently; throws the first
    /// failure, so a text is never half translated.
    func translateStrings(_ strings: [String], pair: LanguagePair, lane: PriorityLane, deadline: ContinuousClock.Instant, trace: StringTranslationTrace) async throws(EngineError) -> [String] {
        let results = await withTaskGroup(of: (Int, Result<TranslatedText, EngineError>).self) { group in
            for (index, string) in strings.enumerated() {
                group.addTask {
                    (index, await self.translate(string, pair: pair, format: .text, lane: lane, glossaryVersion: self.glossaryVersion, deadline: deadline))
                }
            }
            var results = [Result<TranslatedText, EngineError>?](repeating: nil, count: strings.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        var outputs: [String] = []
        for result in results {
            switch result {
            case .success(let translated)?:
                trace.record(translated)
                outputs.append(translated.text)
            case .failure(let error)?:
                throw error
            case nil:
                throw EngineError.timedOut
            }
        }
        return outputs
    }
}

/// What the backend calls for one text's pieces said: which backends, and whether every piece
/// came from the cache.
final class StringTranslationTrace: Sendable {
    private let state = Mutex<(backends: [String], allCached: Bool)>(([], true))

    func record(_ translated: TranslatedText) {
        state.withLock { state in
            if let backend = translated.backend, !state.backends.contains(backend) { state.backends.append(backend) }
            if !translated.cached && !translated.unchanged { state.allCached = false }
        }
    }

    var backend: String? {
        let names = state.withLock { $0.backends }
        return names.isEmpty ? nil : names.joined(separator: ",")
    }

    var allCached: Bool { state.withLock { $0.allCached } }
}
