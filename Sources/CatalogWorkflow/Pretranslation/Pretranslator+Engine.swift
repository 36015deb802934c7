import Languages
import TranslationBackends
import TranslationEngine

extension Pretranslator {
    /// Machine translation through `engine` in the `background` lane (cache, failover and
    /// breakers included). The texts go to the engine as they are: they are already protected
    /// (markers for placeholders, markup and glossary terms). Any text that fails fails the
    /// batch, so the run stops there with nothing half-written.
    public static func engineFunction(_ engine: TranslationEngine) -> PretranslateFunction {
        { texts, source, target in
            try await engine.translatePrepared(texts, pair: LanguagePair(source, target), lane: .background)
        }
    }
}
