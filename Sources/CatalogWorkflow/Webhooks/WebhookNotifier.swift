import Foundation
import Logging
import Storage

/// Sends catalog change events to the configured webhook, in the background: ``send(_:)``
/// returns once the delivery is queued, so an edit never waits for a receiver.
///
/// With a `queue` (what `parley serve` uses) a delivery is a work item in the store, named by
/// the event's id: two instances that notice one change queue one delivery, whichever claims
/// it makes one signed attempt, and a failed attempt goes back to the queue with exponential
/// backoff until `maxAttempts`, so a restart — or another instance, when this one dies —
/// carries on where it stopped. Without a queue, or when the store cannot take the item, the
/// delivery runs in a task of this process with the same attempts and backoff.
public actor WebhookNotifier {
    /// The work item kind of a delivery.
    public static let kind = "webhook.delivery"

    public let settings: WebhookSettings
    let transport: any WebhookTransport
    /// Where deliveries wait (run it as a service); `nil`: in this process only.
    public nonisolated let queue: JobRegistry?
    let logger: Logger
    /// Unix seconds for the signature (tests pin it).
    let clock: @Sendable () -> Int
    private var deliveries: [UUID: Task<Void, Never>] = [:]
    /// What this instance attempted, delivered and gave up (other instances count their own).
    public private(set) var statistics = WebhookStatistics()

    public init(
        settings: WebhookSettings, transport: any WebhookTransport = WebhookHTTPClientTransport(), queue: JobRegistry? = nil,
        logger: Logger = Logger(label: "parley.webhook"), clock: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
    ) {
        self.settings = settings
        self.transport = transport
        self.queue = queue
        self.logger = logger
        self.clock = clock
        queue?.register(kind: Self.kind) { [weak self] item, _ in
            guard let self else { return .retry(after: .seconds(1), reason: "notifier gone") }
            return await self.attempt(item)
        }
    }

    /// Queues the delivery of `event` and returns.
    public func send(_ event: WebhookEvent) async {
        if let queue {
            let item = WorkItemRecord(
                id: event.id, kind: Self.kind, payload: String(decoding: event.body, as: UTF8.self), requestedBy: "parley",
                language: event.language, namespace: event.namespace)
            do {
                _ = try await queue.enqueue(item)
                return
            } catch {
                logger.warning("could not queue a webhook delivery; delivering from memory", metadata: ["error": "\(error)", "event": "\(event.id)"])
            }
        }
        let id = UUID()
        deliveries[id] = Task {
            await self.deliverFromMemory(event)
            self.finished(id)
        }
    }

    /// Waits until every delivery started so far has succeeded or given up — on every
    /// instance, for queued ones (at most `timeout`).
    public func drain(timeout: Duration = .seconds(120)) async {
        while let task = deliveries.first?.value {
            await task.value
        }
        guard let queue else { return }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, (try? await queue.store.unfinishedWorkCount(kinds: [Self.kind])) ?? 0 > 0 {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private func finished(_ id: UUID) {
        deliveries[id] = nil
    }

    /// One claimed attempt of a queued delivery; how the claim ends.
    func attempt(_ item: WorkItemRecord) async -> WorkRelease {
        let label = "\(item.language ?? "")/\(item.namespace ?? "")"
        let failure = await post(Array(item.payload.utf8), id: item.id, attempt: item.attempts, label: label)
        guard let failure else { return .finished(.completed, result: nil, reason: nil) }
        if item.attempts >= settings.maxAttempts {
            statistics.failed += 1
            logger.error("webhook delivery given up", metadata: ["attempts": "\(item.attempts)", "event": "\(item.id)", "catalog": "\(label)"])
            return .finished(.failed, result: nil, reason: failure)
        }
        return .retry(after: settings.backoff(before: item.attempts + 1), reason: failure)
    }

    private func deliverFromMemory(_ event: WebhookEvent) async {
        let body = event.body
        let label = "\(event.language)/\(event.namespace)"
        for attempt in 1...settings.maxAttempts {
            if attempt > 1 {
                do { try await Task.sleep(for: settings.backoff(before: attempt)) } catch { return }
            }
            if await post(body, id: event.id, attempt: attempt, label: label) == nil { return }
        }
        statistics.failed += 1
        logger.error("webhook delivery given up", metadata: ["attempts": "\(settings.maxAttempts)", "event": "\(event.id)", "catalog": "\(label)"])
    }

    /// Makes one signed attempt; `nil` when the receiver took it, else why not.
    private func post(_ body: [UInt8], id: String, attempt: Int, label: String) async -> String? {
        statistics.attempts += 1
        let headers = [
            "Content-Type": "application/json",
            "User-Agent": "parley-webhook",
            WebhookEvent.idHeaderName: id,
            WebhookSignature.headerName: WebhookSignature.header(secret: settings.secret, timestamp: clock(), body: body),
        ]
        let metadata: Logger.Metadata = ["attempt": "\(attempt)", "event": "\(id)", "catalog": "\(label)"]
        do {
            let status = try await transport.post(url: settings.url, headers: headers, body: body, timeout: settings.timeout)
            if (200..<300).contains(status) {
                statistics.delivered += 1
                return nil
            }
            logger.warning("webhook delivery refused", metadata: metadata.merging(["status": "\(status)"]) { $1 })
            return "receiver answered \(status)"
        } catch {
            logger.warning("webhook delivery failed", metadata: metadata.merging(["error": "\(error)"]) { $1 })
            return "\(error)"
        }
    }
}
