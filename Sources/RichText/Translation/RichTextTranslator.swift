import Glossary

/// Translates rich text (or plain text, or UI strings) through a batch-translation closure while
/// keeping protected spans byte for byte and placing facets on the translated text.
///
/// First one string with markers is sent (see ``MarkerStyle``); if any marker comes back lost,
/// duplicated, mangled or unbalanced, the segments between protected spans are sent instead, in
/// one batch. The result's facets are always valid for its text; protected spans are never lost.
public struct RichTextTranslator: Sendable {
    /// Translates a batch of plain strings: same count, same order. Errors propagate unchanged.
    public typealias Translate = ([String]) async throws -> [String]

    public var options: RichTextOptions

    public init(options: RichTextOptions = .chat) {
        self.options = options
    }

    /// Prepares `text` for translation (see ``ProtectedText``).
    public func protect(_ input: FacetedText, glossary: [GlossaryRule] = []) throws(FacetValidationError) -> ProtectedText {
        try ProtectedText(input, glossary: glossary, options: options)
    }

    /// Prepares a plain text for translation.
    public func protect(_ text: String, glossary: [GlossaryRule] = []) throws(FacetValidationError) -> ProtectedText {
        try ProtectedText(FacetedText(text: text), glossary: glossary, options: options)
    }

    /// Translates `input`.
    ///
    /// - Throws: ``FacetValidationError`` for invalid input; ``RichTextError`` when `translate`
    ///   returns the wrong number of strings or an empty one; whatever `translate` throws.
    public func translate(_ input: FacetedText, glossary: [GlossaryRule] = [], using translate: Translate) async throws -> RichTextOutcome {
        let protected = try protect(input, glossary: glossary)
        guard protected.hasTranslatableText else {
            return protected.outputWithoutTranslation.map { .translated($0) } ?? .nothingToTranslate
        }
        var reason: String?
        if let marked = protected.markedText, protected.hasMarkers {
            let output = try await translate([marked])
            guard output.count == 1 else { throw RichTextError.translationCountMismatch(expected: 1, received: output.count) }
            do {
                return .translated(try protected.restore(output[0]))
            } catch {
                reason = error.description
            }
        } else if protected.markedText == nil {
            reason = "the text already contains marker syntax"
        }
        let segments = protected.segments
        let output = try await translate(segments)
        var result = try protected.reassemble(output)
        result.fallbackReason = reason
        return .translated(result)
    }

    /// Translates a plain text; the result has no facets.
    public func translate(_ text: String, glossary: [GlossaryRule] = [], using translate: Translate) async throws -> RichTextOutcome {
        try await self.translate(FacetedText(text: text), glossary: glossary, using: translate)
    }
}
