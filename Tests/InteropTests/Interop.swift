import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Prometheus
import ServiceConfiguration
import Synchronization
import Testing
import TranslationBackends
import TranslationEngine

/// Everything the interop tests share: the servers `Tests/Interop/harness` started (from its
/// `PARLEY_INTEROP_*` variables), one pooled HTTP client, builders for backends and engines,
/// and bounded polling.
///
/// Without the variables the suites are skipped with a printed reason — unless `CI=true`, where
/// every interop test fails instead, so that CI can never pass with a broken harness.
enum Interop {
    static let variables = [
        "PARLEY_INTEROP_LIBRETRANSLATE_URL",
        "PARLEY_INTEROP_LIBRETRANSLATE_LIMITED_URL",
        "PARLEY_INTEROP_NLLB_API_URL",
        "PARLEY_INTEROP_NLLB_SERVE_URL",
        "PARLEY_INTEROP_HARNESS",
    ]

    static let environment = ProcessInfo.processInfo.environment

    static var isCI: Bool {
        ["true", "1", "yes"].contains(environment["CI"]?.lowercased() ?? "")
    }

    static let missing: [String] = variables.filter { (environment[$0] ?? "").isEmpty }

    /// Whether the interop suites run: the harness's servers are there, or this is CI (where
    /// their absence must fail the run). Prints why they are skipped otherwise.
    static let enabled: Bool = {
        if missing.isEmpty || isCI { return true }
        print("""
            InteropTests skipped: no interop servers (\(missing.joined(separator: ", ")) not set). \
            Run them with: Tests/Interop/harness run -- swift test --filter InteropTests
            """)
        return false
    }()

    /// The servers' URLs; fails the test (this is the CI case) when any variable is missing.
    static func servers() throws -> Servers {
        guard missing.isEmpty else { throw HarnessMissing(missing: missing) }
        func value(_ name: String) -> String { environment[name] ?? "" }
        return Servers(
            libreTranslate: value("PARLEY_INTEROP_LIBRETRANSLATE_URL"),
            libreTranslateLimited: value("PARLEY_INTEROP_LIBRETRANSLATE_LIMITED_URL"),
            nllbAPI: value("PARLEY_INTEROP_NLLB_API_URL"),
            nllbServe: value("PARLEY_INTEROP_NLLB_SERVE_URL"),
            harness: value("PARLEY_INTEROP_HARNESS"))
    }

    struct Servers: Sendable {
        var libreTranslate: String
        var libreTranslateLimited: String
        var nllbAPI: String
        var nllbServe: String
        var harness: String
    }

    struct HarnessMissing: Error, CustomStringConvertible {
        var missing: [String]
        var description: String {
            "CI=true but the interop servers are missing (\(missing.joined(separator: ", ")) not set): "
                + "the harness did not start them; run the tests under Tests/Interop/harness run -- …"
        }
    }

    /// One pooled client for every backend and raw request of the run (never shut down: it
    /// lives as long as the test process).
    static let httpClient = BackendFactory.makeHTTPClient()

    static var quietLogger: Logger {
        var logger = Logger(label: "parley-interop")
        logger.logLevel = .critical
        return logger
    }

    // MARK: Backends and engines

    static func settings(
        _ name: String, _ kind: BackendKind, _ url: String,
        timeout: Duration = .seconds(20), maxBatchSize: Int = 16, maxConcurrency: Int = 4
    ) -> BackendSettings {
        var settings = BackendSettings(name: name, kind: kind, url: url)
        settings.timeout = timeout
        settings.maxBatchSize = maxBatchSize
        settings.maxConcurrency = maxConcurrency
        return settings
    }

    static func backend(_ settings: BackendSettings) -> any TranslationBackend {
        BackendFactory.make(settings, httpClient: httpClient, logger: quietLogger)
    }

    /// An engine over real clients, without a store, cache off (each test sees the servers).
    static func engine(
        _ settings: [BackendSettings], detector: (any SourceDetecting)? = nil,
        configure: (inout ParleyConfiguration) -> Void = { _ in }
    ) -> TranslationEngine {
        var configuration = ParleyConfiguration()
        configuration.cache.enabled = false
        configuration.translation.requestTimeout = .seconds(30)
        configuration.translation.breakerThreshold = 2
        configuration.translation.breakerCooldown = .seconds(1)
        configure(&configuration)
        return TranslationEngine(
            backends: settings.map(backend), configuration: configuration, store: nil, detector: detector,
            registry: PrometheusCollectorRegistry(), logger: quietLogger)
    }

    // MARK: Raw HTTP (protocol checks)

    struct RawResponse: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: String
    }

    /// One request with a deadline; the body in full.
    static func request(
        _ method: HTTPMethod, _ url: String, json: String? = nil, headers: [(String, String)] = [],
        timeout: Duration = .seconds(30)
    ) async throws -> RawResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await httpClient.execute(request, timeout: TimeAmount(timeout))
        let body = try await response.body.collect(upTo: 16 * 1_048_576)
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: body))
    }

    // MARK: Polling and processes

    /// Polls `condition` every `interval` until it is true or `timeout` has passed; returns
    /// whether it became true. Never waits longer than `timeout` (plus one check).
    static func eventually(
        timeout: Duration, interval: Duration = .milliseconds(200), _ condition: () async -> Bool
    ) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if await condition() { return true }
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: interval)
        }
    }

    struct CommandResult {
        var status: Int32
        var output: String
    }

    struct CommandTimedOut: Error, CustomStringConvertible {
        var command: String
        var output: String
        var description: String { "\(command) did not finish in time (killed); its output:\n\(output)" }
    }

    /// Runs a command (the harness's `stop-libretranslate` / `start-libretranslate`) with a
    /// deadline; kills it when it is over. Output and errors are captured together.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration) async throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let collected = OutputBuffer()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if !data.isEmpty { collected.append(data) }
        }
        try process.run()
        let finished = await eventually(timeout: timeout, interval: .milliseconds(100)) { !process.isRunning }
        if !finished {
            process.terminate()
            _ = await eventually(timeout: .seconds(5), interval: .milliseconds(100)) { !process.isRunning }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw CommandTimedOut(command: ([executable] + arguments).joined(separator: " "), output: collected.text)
        }
        process.waitUntilExit()
        // Not readToEnd(): should a server the command started hold the pipe, that would
        // wait for the server. What the handler has collected by now is the output.
        try? await Task.sleep(for: .milliseconds(100))
        pipe.fileHandleForReading.readabilityHandler = nil
        return CommandResult(status: process.terminationStatus, output: collected.text)
    }
}

/// Bytes written by a child process, collected from a readability handler.
final class OutputBuffer: Sendable {
    private let data = Mutex(Data())

    func append(_ more: Data) {
        data.withLock { $0.append(more) }
    }

    var text: String {
        String(decoding: data.withLock { $0 }, as: UTF8.self)
    }
}

/// A flag shared with a `@Sendable` closure.
final class Flag: Sendable {
    private let state = Mutex(false)

    func set(_ value: Bool) {
        state.withLock { $0 = value }
    }

    var value: Bool { state.withLock { $0 } }
}

extension Result {
    var value: Success? { try? get() }
    var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

/// Runs `body` and returns the backend error it threw, or nil when it succeeded.
func backendError(_ body: () async throws(BackendError) -> some Any) async -> BackendError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// The root of every interop suite: serialized (the suites share real servers, and the
/// limited LibreTranslate counts every request), and skipped (with a printed reason) when the
/// harness is not running outside CI.
@Suite("Interop: real LibreTranslate 1.9.6 and CTranslate2 NLLB servers", .serialized, .enabled(if: Interop.enabled, "interop servers not running (start them with Tests/Interop/harness run -- …)"))
struct InteropTests {}
