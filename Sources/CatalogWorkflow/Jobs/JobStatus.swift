import Foundation
import Storage

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
    /// Claims so far: above 1 when another instance resumed it.
    public var attempts: Int

    /// The status of a stored job item: progress from its last heartbeat, or its report once finished.
    public init(_ item: WorkItemRecord) {
        let decoder = JSONDecoder()
        let report = item.result.flatMap { try? decoder.decode(PretranslationReport.self, from: Data($0.utf8)) }
        let progress = item.progress.flatMap { try? decoder.decode(PretranslationProgress.self, from: Data($0.utf8)) }
        id = item.id
        kind = item.kind
        state = State(rawValue: item.state.rawValue) ?? .queued
        language = item.language
        namespace = item.namespace
        requestedBy = item.requestedBy
        createdAt = item.createdAt
        finishedAt = item.finishedAt
        self.progress = report?.progress ?? progress ?? PretranslationProgress()
        failures = report?.failures ?? []
        reason = item.reason
        attempts = item.attempts
        let elapsed = (finishedAt ?? Date()).timeIntervalSince(createdAt)
        if elapsed > 0, self.progress.done > 0 {
            let perSecond = Double(self.progress.done) / elapsed
            rate = (perSecond * 100).rounded() / 100
            if finishedAt == nil { etaSeconds = (Double(self.progress.total - self.progress.done) / perSecond * 10).rounded() / 10 }
        }
    }
}
