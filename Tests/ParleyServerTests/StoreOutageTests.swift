import BackendFakes
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// PostgreSQL stopped under a running `parley serve` and started again: `/readyz` says
/// degraded and names the store, translations keep working (memory cache, backends), a known
/// key keeps working, catalog documents are served as last built, catalog writes get 503 with
/// Retry-After — and when the database is back the instance recovers by itself.
@Suite("PostgreSQL outage: degraded, then recovered", .serialized)
struct StoreOutageTests {
    /// A PostgreSQL cluster of this test's own (the shared one stays up for the other tests),
    /// driven through Tests/Support/postgres.sh.
    final class OwnPostgres {
        let directory: String
        let port: String
        let url: String

        init?() throws {
            guard ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"].map({ !$0.isEmpty }) == true else {
                #expect(ProcessInfo.processInfo.environment["CI"] != "true", "PARLEY_TEST_POSTGRES_URL is not set: run through ./test.sh")
                return nil
            }
            let output = try Self.shell(#"start_postgres >/dev/null && echo "$PARLEY_TEST_POSTGRES_DIR $PARLEY_TEST_POSTGRES_PORT""#)
            let parts = output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard parts.count == 2 else { Issue.record("could not start PostgreSQL: \(output)"); return nil }
            directory = parts[0]
            port = parts[1]
            url = "postgres://postgres@127.0.0.1:\(port)/postgres?connect_timeout=2&statement_timeout=2000"
        }

        @discardableResult
        static func shell(_ script: String, environment: [String: String] = [:]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "source Tests/Support/postgres.sh && " + script]
            process.currentDirectoryURL = CrashSafetyTests.repositoryRoot
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            // Not waitUntilExit: once the script has started a server (a daemon that outlives
            // it), Foundation never notices the script's end and waitUntilExit hangs. Reaping
            // it ourselves ends the wait; ECHILD means Foundation got there first.
            var status: Int32 = 0
            _ = waitpid(process.processIdentifier, &status, 0)
            return String(decoding: data, as: UTF8.self)
        }

        var environment: [String: String] { ["PARLEY_TEST_POSTGRES_DIR": directory, "PARLEY_TEST_POSTGRES_PORT": port] }
        func pause() throws { try Self.shell("pause_postgres", environment: environment) }
        func resume() throws { try Self.shell("resume_postgres", environment: environment) }
        func remove() { _ = try? Self.shell("stop_postgres", environment: environment) }
    }

    static func readiness(_ base: String) async throws -> (status: Int, body: [String: Any]) {
        let answer = try await CrashSafetyTests.request(.GET, "\(base)/readyz", key: "")
        return (answer.status, (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]) ?? [:])
    }

    @Test func stoppedAndRestartedUnderTraffic() async throws {
        guard let executable = CrashSafetyTests.executable, let postgres = try OwnPostgres() else { return }
        defer { postgres.remove() }
        let fake = try await FakeLibreTranslate.start()
        defer { Task { await fake.stop() } }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-outage-\(UUID().uuidString)").path
        let server = try CrashSafetyTests.Server(
            executable: executable, dataDirectory: data,
            arguments: ["--store", postgres.url, "--backend", "lt=libretranslate@\(fake.baseURL)"])
        defer { MultiInstanceTests.stop(server) }
        let key = try MultiInstanceTests.makeKey(executable, store: postgres.url)
        let base = server.base
        func translate(_ text: String) async throws -> (status: Int, body: String) {
            let answer = try await CrashSafetyTests.request(.POST, "\(base)/v1/translate", key: key, body: #"{"texts":["\#(text)"],"source":"en","targets":["es"]}"#)
            return (answer.status, answer.body)
        }
        #expect(try await translate("Remembered before the outage").status == 200)
        let document = try await CrashSafetyTests.request(.GET, "\(base)/locales/es/common.json", key: key)
        #expect(document.status == 200)
        let entry = "\(base)/v1/catalogs/es/common/keys/button.close"
        let etag = try await CrashSafetyTests.request(.GET, entry, key: key).etag ?? ""
        #expect(try await Self.readiness(base).status == 200)

        try postgres.pause()
        // The first call to notice pays one deadline (2 s connect + 2 s statement here); after it, calls fail fast.
        let degraded = try await Self.readiness(base)
        #expect(degraded.status == 503)
        #expect(degraded.body["status"] as? String == "degraded", "\(degraded.body)")
        let store = degraded.body["store"] as? [String: Any] ?? [:]
        #expect(store["state"] as? String == "unavailable")
        #expect((store["location"] as? String)?.contains(postgres.port) == true)

        let started = ContinuousClock.now
        let cached = try await translate("Remembered before the outage")
        #expect(cached.status == 200, "\(cached.body)")
        #expect(cached.body.contains("[es] Remembered before the outage"))
        let fresh = try await translate("New during the outage")
        #expect(fresh.status == 200, "\(fresh.body)")
        #expect(fresh.body.contains("[es] New during the outage"))
        #expect(ContinuousClock.now - started < .seconds(2), "translations waited for the database")
        let served = try await CrashSafetyTests.request(.GET, "\(base)/locales/es/common.json", key: key)
        #expect(served.status == 200)
        #expect(served.body == document.body)
        let refused = try await CrashSafetyTests.request(.PUT, entry, key: key, ifMatch: etag, body: #"{"value":"Cerrar ya"}"#)
        #expect(refused.status == 503, "\(refused.body)")
        #expect(refused.body.contains("store_unavailable"))
        let metrics = try await CrashSafetyTests.request(.GET, "\(base)/metrics", key: key)
        #expect(metrics.body.contains("parley_store_up 0"))

        try postgres.resume()
        let deadline = ContinuousClock.now + .seconds(15)
        var ready = try await Self.readiness(base)
        while ready.status != 200, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            ready = try await Self.readiness(base)
        }
        #expect(ready.status == 200, "not recovered: \(ready.body)")
        let written = try await CrashSafetyTests.request(.PUT, entry, key: key, ifMatch: etag, body: #"{"value":"Cerrar ya"}"#)
        #expect(written.status == 200, "\(written.body)")
        let after = try await CrashSafetyTests.request(.GET, "\(base)/locales/es/common.json", key: key)
        #expect(after.body.contains(#""close": "Cerrar ya""#))
    }
}
