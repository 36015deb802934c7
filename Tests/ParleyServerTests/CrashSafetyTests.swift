import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `parley serve` binary, killed with SIGKILL right after acknowledging edits and
/// started again on the same data directory: every acknowledged edit is there.
@Suite("Crash safety: kill -9 loses no acknowledged edit", .serialized)
struct CrashSafetyTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$PARLEY_TEST_BINARY`, else `parley` next to the test bundle (`<scratch>/debug/parley`),
    /// else in `.build/debug`.
    static var executable: URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["PARLEY_TEST_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("parley"))
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("parley"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/parley"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) && !$0.hasDirectoryPath }
    }

    /// A running `parley serve`.
    final class Server {
        let process: Process
        let port: Int
        let stderr: Pipe
        /// Everything the server wrote to stderr so far.
        let log = ServerLog()

        init(executable: URL, dataDirectory: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
            process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--data-dir", dataDirectory, "--port", "0"] + arguments
            process.currentDirectoryURL = CrashSafetyTests.repositoryRoot
            process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { _, new in new }
            stderr = Pipe()
            process.standardError = stderr
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Read stderr until the ready line gives the port.
            var buffer = ""
            var found: Int?
            let deadline = Date().addingTimeInterval(60)
            while found == nil, Date() < deadline {
                let data = stderr.fileHandleForReading.availableData
                if data.isEmpty { break }
                buffer += String(decoding: data, as: UTF8.self)
                for line in buffer.split(separator: "\n") where line.contains("parley is ready") {
                    if let range = line.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                        found = Int(line[range].split(separator: ":").last ?? "")
                    }
                }
            }
            guard let found else {
                process.terminate()
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "parley serve did not get ready: \(buffer)"])
            }
            port = found
            // Keep reading so that the server never blocks on a full pipe; the log is kept for failures.
            let log = self.log
            log.append(buffer)
            stderr.fileHandleForReading.readabilityHandler = { handle in log.append(String(decoding: handle.availableData, as: UTF8.self)) }
        }

        var base: String { "http://127.0.0.1:\(port)" }

        func kill9() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static func request(
        _ method: HTTPMethod, _ url: String, key: String, ifMatch: String? = nil, body: String? = nil, timeout: TimeAmount = .seconds(30)
    ) async throws -> (status: Int, etag: String?, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        // An empty key sends no Authorization header (an empty Bearer is a refused key).
        if !key.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        if let ifMatch { request.headers.add(name: "If-Match", value: ifMatch) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 1 << 22)
        return (Int(response.status.code), response.headers.first(name: "ETag"), String(buffer: bytes))
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ["PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func anAcknowledgedEditSurvivesKill9() async throws {
        guard let executable = Self.executable else {
            print("CrashSafetyTests skipped: no parley binary next to the tests (build it: swift build)")
            return
        }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-crash-\(UUID().uuidString)").path
        let created = try Self.run(executable, ["keys", "create", "--data-dir", data, "--name", "crash-test", "--scope", "admin"])
        let key = String(created.split(separator: "\n").last ?? "")
        #expect(key.hasPrefix("pk_"))

        let first = try Server(executable: executable, dataDirectory: data)
        let uri = "\(first.base)/v1/catalogs/es/common/keys/button.close"
        let probe = try await Self.request(.GET, uri, key: key)
        #expect(probe.status == 200, "\(probe.body)")
        // Several acknowledged edits in a row, the last one immediately followed by SIGKILL.
        var etag = probe.etag ?? ""
        var acknowledged: [String] = []
        for value in ["Vale", "De acuerdo", "Aceptar ya"] {
            let put = try await Self.request(.PUT, uri, key: key, ifMatch: etag, body: #"{"value":"\#(value)"}"#)
            #expect(put.status == 200, "\(put.body)")
            etag = put.etag ?? ""
            acknowledged.append(value)
        }
        let review = try await Self.request(.POST, uri + "/review", key: key, ifMatch: etag)
        #expect(review.status == 200)
        first.kill9()
        #expect(first.process.terminationReason == .uncaughtSignal)

        let second = try Server(executable: executable, dataDirectory: data)
        let read = try await Self.request(.GET, "\(second.base)/v1/catalogs/es/common/keys/button.close", key: key)
        #expect(read.status == 200)
        #expect(read.etag == "\"5\"")
        let object = try JSONSerialization.jsonObject(with: Data(read.body.utf8)) as? [String: Any] ?? [:]
        #expect((object["translation"] as? [String: Any])?["value"] as? String == acknowledged.last)
        #expect(object["state"] as? String == "reviewed")
        let history = try await Self.request(.GET, "\(second.base)/v1/catalogs/es/common/keys/button.close/history", key: key)
        #expect(history.body.contains("Vale") && history.body.contains("De acuerdo"))
        let served = try await Self.request(.GET, "\(second.base)/locales/es/common.json", key: key)
        #expect(served.body.contains("\"close\": \"Aceptar ya\""))
        second.process.terminate()
        second.process.waitUntilExit()
    }
}

/// A server's stderr, collected from the pipe's reading thread.
final class ServerLog: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ more: String) { lock.withLock { text += more } }
    var contents: String { lock.withLock { text } }
}
