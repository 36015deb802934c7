import Languages
import TranslationBackends
import TranslationEngine

extension MachineSuggester {
    /// Machine translation through `engine` in the `interactive` lane (a translator is
    /// waiting), naming the backend that answered.
    public static func engineFunction(_ engine: TranslationEngine) -> NamedTranslateFunction {
        { texts, source, target in
            try await engine.translatePreparedNamingBackend(texts, pair: LanguagePair(source, target), lane: .interactive)
        }
    }
}
