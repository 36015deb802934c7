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
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "route": .string(route),
            "status": .string(String(response.status.code)),
            "duration_ms": .string(Self.milliseconds(elapsed)),
            "caller": .string(context.accessRecord.caller),
        ])
    }

    /// `elapsed` in milliseconds with three decimals (`0.412`).
    static func milliseconds(_ elapsed: Duration) -> String {
        let microseconds = max(0, elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.utf8.count) + fraction
    }
}
