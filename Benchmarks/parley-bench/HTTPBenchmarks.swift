import AccessControl
import AsyncHTTPClient
import BackendFakes
import Foundation
import Hummingbird
import Logging
import NIOCore
import ParleyServer
import ServiceConfiguration
import ServiceLifecycle
import Storage

/// HTTP scenarios against a live Parley on loopback, with production defaults on: auth with an
/// unlimited key, metrics, and the access log (written to a file).
enum HTTPBenchmarks {
    /// A running server and how to stop it.
    struct Running {
        let port: Int
        let group: ServiceGroup
        let task: Task<Void, any Error>

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = await task.result
        }
    }

    static func start(_ application: some ApplicationProtocol, ports: AsyncStream<Int>) async throws -> Running {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return Running(port: port, group: group, task: task)
    }

    /// Parley with a zero-latency in-process backend, an unlimited key, and its access log in a file.
    static func parley(cache: Bool) async throws -> (Running, String, InProcessBackend) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString)").path
        var configuration = ParleyConfiguration()
        configuration.server.port = 0
        configuration.cache.enabled = cache
        configuration.limits.maxTexts = 128
        let store = try SQLiteStore(directory: directory)
        // Logging as `parley serve` sets it up (text lines, level info: the access log on);
        // PARLEY_BENCH_LOG_LEVEL=error shows its cost, PARLEY_BENCH_LOG_FORMAT=json the other format.
        var logSettings = configuration.log
        logSettings.level = ProcessInfo.processInfo.environment["PARLEY_BENCH_LOG_LEVEL"] ?? logSettings.level
        logSettings.format = ProcessInfo.processInfo.environment["PARLEY_BENCH_LOG_FORMAT"] ?? logSettings.format
        LoggingBootstrap.bootstrap(logSettings)
        let logger = Logger(label: "parley")
        let backend = InProcessBackend(name: "nllb", maxConcurrency: 64, maxBatchSize: 32)
        let service = try ParleyService(
            configuration: configuration, store: store, logger: logger,
            backends: [backend],
            detection: try DetectionService.bundled())
        let (_, key) = try await service.keys.create(name: "bench", scopes: [.translate], unlimited: true)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = try await start(service.makeApplication { continuation.yield($0) }, ports: ports)
        return (running, key, backend)
    }

    struct BareRequest: Codable {
        var texts: [String]
        var source: String?
        var targets: [String]
    }

    struct BareResponse: Codable {
        struct Result: Codable {
            var index: Int
            var translations: [String: [String: String]]
        }
        var results: [Result]
    }

    /// A bare Hummingbird route doing only the JSON decode and encode of the same shapes.
    static func bare() async throws -> Running {
        let router = Router()
        router.post("/bare") { request, context -> Response in
            let body = try await request.decode(as: BareRequest.self, context: context)
            let response = BareResponse(results: body.texts.enumerated().map { index, text in
                BareResponse.Result(index: index, translations: ["ha": ["text": "[ha] " + text, "backend": "nllb"]])
            })
            let data = try JSONEncoder().encode(response)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        var logger = Logger(label: "bare")
        logger.logLevel = .error
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        return try await start(application, ports: ports)
    }

    /// Sends the same POST from `connections` concurrent loops for `seconds`; counts the 200s
    /// whose body satisfies `accept`.
    static func load(port: Int, path: String, body: String, key: String?, connections: Int, seconds: Double, accept: @escaping @Sendable (ByteBuffer) -> Bool) async throws -> (ok: Int, other: Int, cpu: Double) {
        let cpuBefore = processCPUSeconds()
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)))
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        let counts = await withTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var ok = 0, other = 0
                    while ContinuousClock.now < deadline {
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
                        request.body = .bytes(ByteBuffer(string: body))
                        do {
                            let response = try await client.execute(request, timeout: .seconds(10))
                            let buffer = try await response.body.collect(upTo: 1 << 20)
                            if response.status == .ok && accept(buffer) { ok += 1 } else { other += 1 }
                        } catch {
                            other += 1
                        }
                    }
                    return (ok, other)
                }
            }
            var total = (0, 0)
            for await (ok, other) in group { total = (total.0 + ok, total.1 + other) }
            return total
        }
        let cpu = processCPUSeconds() - cpuBefore
        try await client.shutdown()
        return (counts.0, counts.1, cpu)
    }

    static let cachedMarker = Array(#""cached":true"#.utf8)
    static let translatedMarker = Array(#""translatedText":"[ha"#.utf8)

    /// Whether `buffer` holds `needle` (a byte search: the load generator's own cost stays
    /// small next to what it measures).
    static func contains(_ buffer: ByteBuffer, _ needle: [UInt8]) -> Bool {
        buffer.withUnsafeReadableBytes { bytes in
            guard bytes.count >= needle.count, let first = needle.first else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == first {
                    var match = true
                    for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                        match = false
                        break
                    }
                    if match { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// User plus system CPU time this process has used so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Sends stderr (the access log) to a file so that it costs what it costs in production.
    static func redirectAccessLog() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-access.log").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor >= 0 {
            dup2(descriptor, 2)
            close(descriptor)
        }
        return path
    }

    /// (a) cached /v1/translate req/s against a bare route, measured alternately in one run.
    static func cachedThroughput(arguments: [String]) async throws -> String {
        let seconds = arguments.firstIndex(of: "--seconds").flatMap { Double(arguments[safe: $0 + 1] ?? "") } ?? 3
        let connections = arguments.firstIndex(of: "--connections").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 32
        let rounds = arguments.firstIndex(of: "--rounds").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 3
        // `--only parley` or `--only bare` loads one side (for profiling one of them with perf).
        let only = arguments.firstIndex(of: "--only").flatMap { arguments[safe: $0 + 1] }
        // `--load in-process` keeps the old AsyncHTTPClient loops inside this process; the figure
        // that counts is wrk's (the default), from a separate process.
        let inProcess = arguments.firstIndex(of: "--load").flatMap { arguments[safe: $0 + 1] } == "in-process"
        let logPath = redirectAccessLog()
        let (parley, key, backend) = try await parley(cache: true)
        let bareServer = try await bare()
        let parleyBody = #"{"texts":["Hello everyone, welcome to the room!"],"source":"en","targets":["ha"]}"#
        // `--api libretranslate`: the chat server's request to the LibreTranslate-compatible
        // route instead (its answer does not say "cached"; every 200 with a translation counts).
        let libreTranslate = arguments.firstIndex(of: "--api").flatMap { arguments[safe: $0 + 1] } == "libretranslate"
        let parleyPath = libreTranslate ? "/translate" : "/v1/translate"
        let parleyRequest = libreTranslate ? #"{"q":"Hello everyone, welcome to the room!","source":"en","target":"ha"}"# : parleyBody
        let marker = libreTranslate ? translatedMarker : cachedMarker
        // Warm the cache (and the connection pools) first.
        _ = try await load(port: parley.port, path: parleyPath, body: parleyRequest, key: key, connections: 4, seconds: 0.5) { _ in true }
        _ = try await load(port: bareServer.port, path: "/bare", body: parleyBody, key: nil, connections: 4, seconds: 0.5) { _ in true }
        var parleyTotal = 0, bareTotal = 0, parleyRejected = 0
        var parleyCPU = 0.0, bareCPU = 0.0
        if !inProcess {
            let threads = arguments.firstIndex(of: "--threads").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 2
            let text = try await wrkRounds(parley: parley, bare: bareServer, backend: backend, key: key, parleyPath: parleyPath, parleyRequest: parleyRequest,
                                     bareBody: parleyBody, connections: connections, threads: threads, seconds: max(1, Int(seconds)), rounds: rounds, only: only)
            await parley.stop()
            await bareServer.stop()
            return text + "\naccess log           \(logPath)"
        }
        var table = BenchmarkTable("(a) cached \(parleyPath) vs bare Hummingbird JSON route, \(connections) connections, \(format(seconds, 0)) s per turn")
        for round in 1...rounds {
            let bareCount = only == "parley" ? (ok: 0, other: 0, cpu: 0) : try await load(port: bareServer.port, path: "/bare", body: parleyBody, key: nil, connections: connections, seconds: seconds) { _ in true }
            let parleyCount = only == "bare" ? (ok: 0, other: 0, cpu: 0) : try await load(port: parley.port, path: parleyPath, body: parleyRequest, key: key, connections: connections, seconds: seconds) { buffer in
                contains(buffer, marker)
            }
            bareCPU += bareCount.cpu; parleyCPU += parleyCount.cpu
            bareTotal += bareCount.ok
            parleyTotal += parleyCount.ok
            parleyRejected += parleyCount.other
            table.add("round \(round)", "bare \(format(Double(bareCount.ok) / seconds, 0)) req/s   parley \(format(Double(parleyCount.ok) / seconds, 0)) req/s")
        }
        await parley.stop()
        await bareServer.stop()
        table.add("parley non-cached or non-200", "\(parleyRejected)")
        table.add("process CPU per request", "bare \(format(bareCPU / Double(max(bareTotal, 1)) * 1e6, 1)) µs   parley \(format(parleyCPU / Double(max(parleyTotal, 1)) * 1e6, 1)) µs   (server and load generator together)")
        table.add("ratio parley / bare", "\(format(Double(parleyTotal) / Double(max(bareTotal, 1)), 3))   (target: >= 0.8)")
        table.add("access log", logPath)
        return table.text
    }

    /// (a) with wrk: the two servers loaded in turn by a separate process. A Parley turn counts
    /// only when every answer was 2xx and the backend was not called during it (so every answer
    /// came from the cache); otherwise the table says the run is invalid.
    static func wrkRounds(
        parley: Running, bare: Running, backend: InProcessBackend, key: String, parleyPath: String, parleyRequest: String,
        bareBody: String, connections: Int, threads: Int, seconds: Int, rounds: Int, only: String?
    ) async throws -> String {
        var table = BenchmarkTable("(a) cached \(parleyPath) vs bare Hummingbird JSON route, wrk -t\(threads) -c\(connections), \(seconds) s per turn")
        var parleyRate: [Double] = [], bareRate: [Double] = []
        var problems: [String] = []
        for round in 1...rounds {
            var line = ""
            if only != "parley" {
                let result = try await WrkLoad.post(port: bare.port, path: "/bare", body: bareBody, key: nil, connections: connections, threads: threads, seconds: seconds)
                if let problem = result.problem { problems.append("round \(round) bare: \(problem)") }
                bareRate.append(result.perSecond)
                line += "bare \(format(result.perSecond, 0)) req/s   "
            }
            if only != "bare" {
                let callsBefore = backend.calls
                let result = try await WrkLoad.post(port: parley.port, path: parleyPath, body: parleyRequest, key: key, connections: connections, threads: threads, seconds: seconds)
                if let problem = result.problem { problems.append("round \(round) parley: \(problem)") }
                if backend.calls != callsBefore { problems.append("round \(round) parley: \(backend.calls - callsBefore) backend calls (not all answers were cached)") }
                parleyRate.append(result.perSecond)
                line += "parley \(format(result.perSecond, 0)) req/s"
            }
            table.add("round \(round)", line)
        }
        let parleyMean = parleyRate.reduce(0, +) / Double(max(parleyRate.count, 1))
        let bareMean = bareRate.reduce(0, +) / Double(max(bareRate.count, 1))
        if parleyRate.count > 0, bareRate.count > 0 {
            table.add("ratio parley / bare", "\(format(parleyMean / max(bareMean, 1), 3))   (target: >= 0.8)")
        }
        table.add("valid", problems.isEmpty ? "yes: every answer 2xx, no backend call during Parley's turns" : "NO — " + problems.joined(separator: "; "))
        return table.text
    }

    /// (b) Sequential requests with distinct texts (cache misses) over a zero-latency backend:
    /// the latency Parley adds, end to end over loopback HTTP.
    static func addedLatency(arguments: [String]) async throws -> String {
        let count = arguments.firstIndex(of: "--requests").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 5_000
        _ = redirectAccessLog()
        let (parley, key, _) = try await parley(cache: false)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<(count + 200) {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(parley.port)/v1/translate")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.body = .bytes(ByteBuffer(string: #"{"texts":["Message number \#(index) for the room"],"source":"en","targets":["ha"]}"#))
            let start = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            let elapsed = milliseconds(start.duration(to: .now))
            if index >= 200 { samples.append(elapsed) }  // the first 200 warm up
        }
        try await client.shutdown()
        await parley.stop()
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        var table = BenchmarkTable("(b) /v1/translate latency over a zero-latency backend, \(count) sequential requests, cache off")
        table.add("p50", "\(format(percentile(0.5), 3)) ms   (target: <= 1 ms)")
        table.add("p90", "\(format(percentile(0.9), 3)) ms")
        table.add("p99", "\(format(percentile(0.99), 3)) ms")
        table.add("max", "\(format(samples.last ?? 0, 3)) ms")
        return table.text
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
