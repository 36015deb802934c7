import Hummingbird
import Logging

/// One structured log line per request (method, path, route, status, duration, caller,
/// request id) and the HTTP metrics: requests by route, method and status, and latency.
struct AccessLog: Sendable {
    let metrics: ServerMetrics

    /// Records one finished request.
    func record(_ request: Request, _ response: Response, context: ParleyRequestContext, elapsed: Duration) {
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(route: route, method: request.method.rawValue, status: response.status.code, duration: elapsed)
        guard context.logger.logLevel <= .info else { return }
        let fields: [(key: String, value: String)] = [
            ("caller", context.accessRecord.caller),
            ("duration_ms", Self.milliseconds(elapsed)),
            ("method", request.method.rawValue),
            ("path", request.uri.path),
            ("route", route),
            ("status", String(response.status.code)),
        ]
        // Parley's own handler takes the fields as they are; any other (a test's) gets them
        // through swift-log.
        if let handler = context.logger.handler as? ParleyLogHandler {
            handler.logInfo("request", sortedFields: fields)
        } else {
            context.logger.info("request", metadata: Logger.Metadata(uniqueKeysWithValues: fields.map { ($0.key, .string($0.value)) }))
        }
    }

    /// `elapsed` in milliseconds with three decimals (`0.412`).
    static func milliseconds(_ elapsed: Duration) -> String {
        let microseconds = max(0, elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.utf8.count) + fraction
    }
}
