import Foundation
import Logging

/// Sends catalog change events to the configured webhook, in the background: ``send(_:)``
/// returns at once, the delivery (signed, retried with exponential backoff up to
/// `maxAttempts`) runs in its own task, so an edit never waits for a receiver.
public actor WebhookNotifier {
    public let settings: WebhookSettings
    let transport: any WebhookTransport
    let logger: Logger
    /// Unix seconds for the signature (tests pin it).
    let clock: @Sendable () -> Int
    private var deliveries: [UUID: Task<Void, Never>] = [:]
    public private(set) var statistics = WebhookStatistics()

    public init(
        settings: WebhookSettings, transport: any WebhookTransport = WebhookHTTPClientTransport(),
        logger: Logger = Logger(label: "parley.webhook"), clock: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
    ) {
        self.settings = settings
        self.transport = transport
        self.logger = logger
        self.clock = clock
    }

    /// Starts delivering `event` and returns.
    public func send(_ event: WebhookEvent) {
        let id = UUID()
        deliveries[id] = Task {
            await self.deliver(event)
            self.finished(id)
        }
    }

    /// Waits until every delivery started so far has succeeded or given up.
    public func drain() async {
        while let task = deliveries.first?.value {
            await task.value
        }
    }

    private func finished(_ id: UUID) {
        deliveries[id] = nil
    }

    private func deliver(_ event: WebhookEvent) async {
        let body = event.body
        for attempt in 1...settings.maxAttempts {
            if attempt > 1 {
                do { try await Task.sleep(for: settings.backoff(before: attempt)) } catch { return }
            }
            statistics.attempts += 1
            let headers = [
                "Content-Type": "application/json",
                "User-Agent": "parley-webhook",
                WebhookSignature.headerName: WebhookSignature.header(secret: settings.secret, timestamp: clock(), body: body),
            ]
            do {
                let status = try await transport.post(url: settings.url, headers: headers, body: body, timeout: settings.timeout)
                if (200..<300).contains(status) {
                    statistics.delivered += 1
                    return
                }
                logger.warning("webhook delivery refused", metadata: ["status": "\(status)", "attempt": "\(attempt)", "event": "\(event.language)/\(event.namespace)"])
            } catch {
                logger.warning("webhook delivery failed", metadata: ["error": "\(error)", "attempt": "\(attempt)", "event": "\(event.language)/\(event.namespace)"])
            }
        }
        statistics.failed += 1
        logger.error("webhook delivery given up", metadata: ["attempts": "\(settings.maxAttempts)", "event": "\(event.language)/\(event.namespace)"])
    }
}
