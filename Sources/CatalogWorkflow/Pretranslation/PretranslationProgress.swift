/// How far a pre-translation is: keys to do, done, and what became of them.
public struct PretranslationProgress: Sendable, Hashable, Codable {
    /// Keys selected for translation.
    public var total = 0
    /// Keys finished (stored, rejected, skipped or failed).
    public var done = 0
    /// Stored in state `machine`.
    public var translated = 0
    /// Left untranslated because QA refused the machine value (the findings are recorded).
    public var rejected = 0
    /// Left alone because someone changed them while the job ran.
    public var skipped = 0
    /// Not translated because machine translation failed (the job stopped; see the reason).
    public var failed = 0

    public init() {}
}
