import Foundation

/// A background job as `GET /v1/jobs/{id}` shows it.
public struct JobStatus: Sendable, Hashable, Codable {
    /// Where a job stands.
    public enum State: String, Sendable, Hashable, Codable {
        case queued, running, completed, failed
    }

    public var id: String
    /// What the job does (`catalog.pretranslate`).
    public var kind: String
    public var state: State
    public var language: String?
    public var namespace: String?
    /// Who started it.
    public var requestedBy: String
    public var createdAt: Date
    public var finishedAt: Date?
    public var progress: PretranslationProgress
    /// Per-second rate of finished keys so far.
    public var rate: Double?
    /// Seconds left at the current rate.
    public var etaSeconds: Double?
    public var failures: [PretranslationFailure]
    /// Why the job failed or stopped early.
    public var reason: String?
}
