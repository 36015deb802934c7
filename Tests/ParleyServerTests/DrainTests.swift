import AsyncHTTPClient
import BackendFakes
import Foundation
import NIOCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `parley serve` sent SIGTERM while translations are in flight: `/readyz` turns 503
/// `draining` at once, every request accepted before the signal is answered, new connections
/// are refused once the drain delay is over, and the process exits within the grace period.
@Suite("SIGTERM drains the real server", .serialized)
struct DrainTests {
    @Test func sigtermUnderLoadAnswersWhatWasAcceptedAndExitsWithinTheGracePeriod() async throws {
        guard let executable = CrashSafetyTests.executable else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "no parley binary next to the tests")
            return
        }
        let fake = try await FakeLibreTranslate.start()
        defer { Task { await fake.stop() } }
        fake.faultsHitOnlyTranslations = true
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-drain-\(UUID().uuidString)").path
        let created = try CrashSafetyTests.run(executable, ["keys", "create", "--data-dir", data, "--name", "drain", "--scope", "admin", "--unlimited"])
        let key = String(created.split(separator: "\n").last ?? "")
        let server = try CrashSafetyTests.Server(
            executable: executable, dataDirectory: data,
            arguments: ["--backend", "lt=libretranslate@\(fake.baseURL)"],
            environment: ["PARLEY_SERVER_DRAIN_DELAY": "1s", "PARLEY_SERVER_SHUTDOWN_GRACE_PERIOD": "6s", "PARLEY_CACHE_ENABLED": "false"])
        defer { if server.process.isRunning { server.kill9() } }
        try await waitUntilReady(server.base, key: key)
        fake.fault = .delay(.milliseconds(1_500))

        let base = server.base
        let inFlight = (0..<8).map { index in
            Task { try await CrashSafetyTests.request(.POST, "\(base)/v1/translate", key: key,
                                                      body: #"{"texts":["Hello number \#(index)"],"source":"en","targets":["es"]}"#) }
        }
        try await Task.sleep(for: .milliseconds(300)) // all eight are with the backend now
        let signalled = ContinuousClock.now
        kill(server.process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(150))
        // Probes on fresh connections, as a load balancer's health check makes them.
        let probe = try RawConnection(port: server.port)
        probe.send("GET /readyz HTTP/1.1\r\nHost: parley\r\nConnection: close\r\n\r\n")
        let readiness = await probe.readUntilClosed(timeout: .seconds(3))
        #expect(readiness.text.hasPrefix("HTTP/1.1 503"), "\(readiness.text)")
        #expect(readiness.text.contains(#""status":"draining""#), "\(readiness.text)")
        // A keep-alive client is told to take its next request elsewhere, so that it does not
        // send it on a connection the server is about to close.
        let keptAlive = try RawConnection(port: server.port)
        keptAlive.send("GET /healthz HTTP/1.1\r\nHost: parley\r\n\r\n")
        let answer = await keptAlive.readUntilClosed(timeout: .seconds(1))
        #expect(answer.text.hasPrefix("HTTP/1.1 200"), "\(answer.text)")
        #expect(answer.text.lowercased().contains("connection: close"), "\(answer.text)")

        for (index, task) in inFlight.enumerated() {
            do {
                let answer = try await task.value
                #expect(answer.status == 200, "\(answer.body)")
                #expect(answer.body.contains("translation"), "\(answer.body)")
            } catch {
                Issue.record("request \(index), accepted before SIGTERM, failed: \(error)")
            }
        }
        // After the drain delay the listener is closed: a new connection is refused.
        var refused = false
        while ContinuousClock.now - signalled < .seconds(5), !refused {
            if (try? RawConnection(port: server.port)) == nil { refused = true } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(refused, "the listener still accepted connections 5 s after SIGTERM")
        while server.process.isRunning, ContinuousClock.now - signalled < .seconds(6) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(!server.process.isRunning, "still running after the 6 s grace period")
        if !server.process.isRunning {
            #expect(server.process.terminationReason == .exit)
            #expect(server.process.terminationStatus == 0)
        }
    }

    private func waitUntilReady(_ base: String, key: String) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let answer = try? await CrashSafetyTests.request(.GET, "\(base)/readyz", key: key), answer.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("parley serve did not become ready")
    }
}
