import Foundation

/// The background jobs of this process (pre-translations), kept in memory: ids, progress and
/// outcome for `GET /v1/jobs/{id}`. Finished jobs are kept (the newest 200).
public actor JobRegistry {
    private var jobs: [String: JobStatus] = [:]
    private var order: [String] = []
    private var tasks: [String: Task<Void, Never>] = [:]
    private let keep: Int

    public init(keep: Int = 200) {
        self.keep = keep
    }

    /// Registers a job and runs `work` in the background; returns the queued status at once.
    /// `work` reports progress through the closure it is given and returns its report.
    public func start(
        kind: String, language: String?, namespace: String?, requestedBy: String,
        work: @escaping @Sendable (_ progress: @escaping @Sendable (PretranslationProgress) -> Void) async throws -> PretranslationReport
    ) -> JobStatus {
        let id = "job_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let status = JobStatus(
            id: id, kind: kind, state: .queued, language: language, namespace: namespace, requestedBy: requestedBy, createdAt: Date(),
            finishedAt: nil, progress: PretranslationProgress(), rate: nil, etaSeconds: nil, failures: [], reason: nil)
        jobs[id] = status
        order.append(id)
        while order.count > keep, let oldest = order.first, jobs[oldest]?.finishedAt != nil {
            order.removeFirst()
            jobs[oldest] = nil
        }
        tasks[id] = Task {
            self.update(id) { $0.state = .running }
            do {
                let report = try await work { progress in
                    Task { await self.update(id) { $0.progress = progress } }
                }
                self.finish(id, report: report, error: nil)
            } catch {
                self.finish(id, report: nil, error: error)
            }
        }
        return status
    }

    /// The job's status, `nil` for an unknown id.
    public func status(_ id: String) -> JobStatus? {
        guard var status = jobs[id] else { return nil }
        let elapsed = (status.finishedAt ?? Date()).timeIntervalSince(status.createdAt)
        if elapsed > 0, status.progress.done > 0 {
            let rate = Double(status.progress.done) / elapsed
            status.rate = (rate * 100).rounded() / 100
            if status.finishedAt == nil { status.etaSeconds = (Double(status.progress.total - status.progress.done) / rate * 10).rounded() / 10 }
        }
        return status
    }

    /// Waits for a job to finish (tests, shutdown).
    public func wait(_ id: String) async {
        await tasks[id]?.value
    }

    private func update(_ id: String, _ change: (inout JobStatus) -> Void) {
        guard var status = jobs[id], status.finishedAt == nil else { return }
        change(&status)
        jobs[id] = status
    }

    private func finish(_ id: String, report: PretranslationReport?, error: (any Error)?) {
        guard var status = jobs[id] else { return }
        status.finishedAt = Date()
        if let report {
            status.progress = report.progress
            status.failures = report.failures
            status.reason = report.stoppedReason
            status.state = report.stoppedReason == nil ? .completed : .failed
        } else {
            status.state = .failed
            status.reason = error.map { "\($0)" } ?? "failed"
        }
        jobs[id] = status
        tasks[id] = nil
    }
}
