import Languages
import RichText
import TranslationBackends

/// One target's rich-text translation.
public struct RichTextTarget: Sendable {
    /// The translated text and facets; for `unchanged`, the input's.
    public var richText: FacetedText
    public var warnings: [RichTextWarning]
    public var backend: String?
    public var cached: Bool
    public var unchanged: Bool
}

/// Everything the engine did for one rich-text message.
public struct RichTextResult: Sendable {
    public var source: DetectedSource
    public var results: [Language: Result<RichTextTarget, EngineError>]
}

extension TranslationEngine {
    /// Translates an AT Protocol rich-text message (text + facets, byte offsets in UTF-8) into
    /// several targets. Mentions, links, tags and code come out byte for byte; formatting
    /// follows its words; output facets are always valid for the translated text.
    ///
    /// - Parameters:
    ///   - hints: the record's `langs`; used when detection is not confident or agrees.
    ///   - input: must already be valid (``FacetValidator``); the server answers 400 otherwise.
    public func translateRichText(
        _ input: FacetedText, from source: SourceLanguage, hints: [Language] = [], to targets: [Language], lane: PriorityLane
    ) async -> RichTextResult {
        let translator = RichTextTranslator(options: RichTextOptions(byteLimit: nil, detection: .chat))
        let detected = detectSource(of: input, source, hints: hints, translator: translator)
        var results: [Language: Result<RichTextTarget, EngineError>] = [:]
        let unchanged = RichTextTarget(richText: input, warnings: [], backend: nil, cached: false, unchanged: true)
        guard let sourceLanguage = detected.language else {
            for target in targets { results[target] = .success(unchanged) }
            return RichTextResult(source: detected, results: results)
        }
        let deadline = ContinuousClock.now + requestTimeout
        await withTaskGroup(of: (Language, Result<RichTextTarget, EngineError>).self) { group in
            for target in Set(targets) {
                group.addTask {
                    if target == sourceLanguage { return (target, .success(unchanged)) }
                    let pair = LanguagePair(sourceLanguage, target)
                    let trace = StringTranslationTrace()
                    do {
                        let outcome = try await translator.translate(input, glossary: self.glossaryRules(for: pair)) { strings in
                            try await self.translateStrings(strings, pair: pair, lane: lane, deadline: deadline, trace: trace)
                        }
                        guard let translation = outcome.translation else { return (target, .success(unchanged)) }
                        // Belt and braces: a facet that is not valid for the output is never emitted.
                        try FacetValidator.validate(translation.facets, in: translation.text, byteLimit: nil)
                        return (target, .success(RichTextTarget(
                            richText: translation.richText, warnings: translation.warnings,
                            backend: trace.backend, cached: trace.allCached, unchanged: false)))
                    } catch let error as EngineError {
                        return (target, .failure(error))
                    } catch {
                        return (target, .failure(.protectionFailed("\(error)")))
                    }
                }
            }
            for await (target, result) in group { results[target] = result }
        }
        return RichTextResult(source: detected, results: results)
    }

    /// The source of a message: given; else detected on its translatable text (mentions,
    /// links, tags and code left out), with the record's `langs` as a hint that wins unless
    /// detection is confident and disagrees.
    func detectSource(of input: FacetedText, _ source: SourceLanguage, hints: [Language], translator: RichTextTranslator) -> DetectedSource {
        if case .language(let language) = source { return DetectedSource(language: language, confidence: 1) }
        let words = (try? translator.protect(input))?.segments.joined(separator: " ") ?? input.text
        let detected = self.source(of: words, .auto)
        guard let hint = hints.first else { return detected }
        if detected.language == nil { return detected }
        if let language = detected.language, hints.contains(language) { return detected }
        return detected.confidence >= 0.9 ? detected : DetectedSource(language: hint, confidence: max(detected.confidence, 0.5))
    }
}
