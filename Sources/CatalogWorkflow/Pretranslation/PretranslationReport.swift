/// The outcome of a pre-translation: the counts, the keys not stored and, when machine
/// translation failed and the run stopped, why.
public struct PretranslationReport: Sendable, Hashable, Codable {
    public var language: String
    public var progress: PretranslationProgress
    /// Keys refused by QA or not translatable (at most the first 200).
    public var failures: [PretranslationFailure]
    /// Why the run stopped early (machine translation failed); `nil` when it ran to the end.
    public var stoppedReason: String?

    public init(language: String, progress: PretranslationProgress, failures: [PretranslationFailure], stoppedReason: String?) {
        self.language = language
        self.progress = progress
        self.failures = failures
        self.stoppedReason = stoppedReason
    }

    /// One line for people: `ar: 359 keys, 350 translated, 6 rejected by QA, 0 skipped, 3 failed`.
    public var summary: String {
        var line = "\(language): \(progress.total) keys, \(progress.translated) translated, \(progress.rejected) rejected by QA, "
            + "\(progress.skipped) skipped, \(progress.failed) failed"
        if let stoppedReason { line += " (stopped: \(stoppedReason))" }
        return line
    }
}
