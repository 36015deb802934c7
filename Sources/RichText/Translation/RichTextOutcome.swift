/// What translating a rich text gave.
public enum RichTextOutcome: Sendable, Hashable {
    case translated(RichTextTranslation)
    /// Only white space and protected spans (a mention, emoji, a link): the caller answers with
    /// the source unchanged. The translate closure was not called.
    case nothingToTranslate

    /// The translation, if there was one.
    public var translation: RichTextTranslation? {
        if case .translated(let translation) = self { translation } else { nil }
    }
}
