import AsyncHTTPClient
import BackendFakes
import Foundation
import Logging
import NIOCore
import ParleyServer
import ServiceConfiguration
import Storage
import TranslationBackends

/// `parley-bench faults`: the fault matrix as a table. For every way a real MT server misbehaves
/// (a ``FakeLibreTranslate`` behind Parley's real client) × every kind of request, with a
/// healthy NLLB peer and without one: the status, the error code, which backend answered
/// (failover) and how long it took. The assertions on the same matrix are `FaultMatrixTests`.
enum FaultBenchmark {
    static let backendTimeout: Duration = .milliseconds(400)
    static let requestTimeout: Duration = .seconds(2)

    static func run(arguments: [String]) async throws -> String {
        var table = BenchmarkTable("fault matrix: backend timeout \(backendTimeout), request deadline \(requestTimeout); `lt` fails, `nllb` is the peer")
        let client = BackendFactory.makeHTTPClient(connectTimeout: .milliseconds(300))
        for peer in [false, true] {
            for mode in FaultScenario.Mode.allCases {
                for kind in FaultScenario.Kind.allCases {
                    let row = try await measure(mode: mode, kind: kind, peer: peer, client: client)
                    table.add("\(peer ? "with peer" : "alone")  \(mode.rawValue) × \(kind.rawValue)", row)
                }
            }
        }
        try await client.shutdown()
        return table.text
    }

    static func measure(mode: FaultScenario.Mode, kind: FaultScenario.Kind, peer: Bool, client: HTTPClient) async throws -> String {
        let lt = try await FakeLibreTranslate.start()
        let nllb = peer ? try await FakeNLLBAPI.start() : nil
        var backends = [BackendSettings(name: "lt", kind: .libreTranslate, url: lt.baseURL)]
        if let nllb { backends.append(BackendSettings(name: "nllb", kind: .nllbAPI, url: nllb.baseURL)) }
        for index in backends.indices { backends[index].timeout = backendTimeout }
        var configuration = ParleyConfiguration()
        configuration.server.port = 0
        configuration.translation.requestTimeout = requestTimeout
        configuration.translation.breakerThreshold = 1_000
        configuration.auth.rateLimit.requestsPerSecond = 0
        var logger = Logger(label: "faults")
        logger.logLevel = .critical
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-faults-\(UUID().uuidString)").path
        let service = try ParleyService(
            configuration: configuration, store: try SQLiteStore(directory: directory), logger: logger,
            backends: backends.map { BackendFactory.make($0, httpClient: client) }, detection: try DetectionService.bundled())
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = try await HTTPBenchmarks.start(service.makeApplication { continuation.yield($0) }, ports: ports)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let base = "http://127.0.0.1:\(running.port)"
        _ = try? await send(base + "/v1/languages", body: nil)
        await mode.apply(to: lt)
        let start = ContinuousClock.now
        let (status, body) = try await send(base + kind.uri, body: kind.body)
        let elapsed = milliseconds(start.duration(to: .now))
        await running.stop()
        await lt.stop()
        await nllb?.stop()
        let code = firstMatch(#""code":"([a-z_]+)""#, in: body) ?? "-"
        let backend = firstMatch(#""backend":"([a-z,]+)""#, in: body) ?? (kind == .dropIn && status == 200 ? "(not said)" : "-")
        return "\(status)  code \(code)  backend \(backend)  \(format(elapsed, 0)) ms"
    }

    static func send(_ url: String, body: String?) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: url)
        if let body {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }
}
