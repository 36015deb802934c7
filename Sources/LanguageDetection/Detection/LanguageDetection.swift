import Languages

/// The detector's answer for one text: the language (nil for `und`), ranked candidates with
/// calibrated confidences, and whether the answer is reliable.
public struct LanguageDetection: Sendable, Equatable {
    /// The detected language; nil means `und` — nothing linguistic was found (emoji only, URLs,
    /// @handles, hashtags, numbers, punctuation, empty text) or only letters of scripts none of
    /// the eight languages uses.
    public var language: Language?
    /// Candidates best first. Confidences are in [0, 1], sum to at most 1, and were calibrated on
    /// the development split so that a confidence of 0.9 is right about 90% of the time.
    /// Empty for `und`.
    public var candidates: [LanguageCandidate]
    /// True when the top candidate is well ahead of the second (high confidence and margin).
    public var reliable: Bool
    /// The top candidate's confidence; 0 for `und`.
    public var confidence: Double

    public init(language: Language?, candidates: [LanguageCandidate], reliable: Bool, confidence: Double) {
        self.language = language
        self.candidates = candidates
        self.reliable = reliable
        self.confidence = confidence
    }

    /// The `und` answer.
    public static let undetermined = LanguageDetection(language: nil, candidates: [], reliable: false, confidence: 0)

    /// The language code, or `"und"` when undetermined.
    public var code: String { language?.code ?? "und" }
}
