import Foundation

/// One item of background work in the store (``WorkQueueStore``): what to do (`kind`,
/// `payload`), where it stands, who holds it and until when.
public struct WorkItemRecord: Sendable, Hashable {
    /// Where an item stands.
    public enum State: String, Sendable, Hashable {
        case queued, running, completed, failed
    }

    /// `job_…` for a job, `evt_…` (derived from what happened) for a webhook event.
    public var id: String
    /// `catalog.pretranslate`, `webhook.delivery`.
    public var kind: String
    /// What the handler needs, as JSON.
    public var payload: String
    public var state: State
    /// Claims so far.
    public var attempts: Int
    /// Not claimed before this.
    public var runAfter: Date
    /// The instance holding the claim, while running.
    public var owner: String?
    public var leaseUntil: Date?
    /// The handler's last progress report (JSON).
    public var progress: String?
    /// The handler's outcome (JSON), once finished.
    public var result: String?
    /// Why it failed or was retried.
    public var reason: String?
    public var requestedBy: String
    public var language: String?
    public var namespace: String?
    public var createdAt: Date
    public var finishedAt: Date?

    public init(
        id: String, kind: String, payload: String, state: State = .queued, attempts: Int = 0, runAfter: Date = Date(timeIntervalSince1970: 0),
        owner: String? = nil, leaseUntil: Date? = nil, progress: String? = nil, result: String? = nil, reason: String? = nil,
        requestedBy: String, language: String? = nil, namespace: String? = nil, createdAt: Date = Date(), finishedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.runAfter = runAfter
        self.owner = owner
        self.leaseUntil = leaseUntil
        self.progress = progress
        self.result = result
        self.reason = reason
        self.requestedBy = requestedBy
        self.language = language
        self.namespace = namespace
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }

    public var isFinished: Bool { state == .completed || state == .failed }
}
