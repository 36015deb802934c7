import BackendFakes
import Foundation
import Testing

/// Two real `parley serve` processes on one PostgreSQL database behave as one service: an edit
/// on A is served by B with a new ETag; a key made or revoked with the CLI counts on both; a
/// translation through A is a cache hit through B; a key's rate limit is the key's, not each
/// instance's. Needs the PostgreSQL that test.sh starts
/// (`PARLEY_TEST_POSTGRES_URL`); under `CI=true` its absence fails.
@Suite("Several instances on one PostgreSQL", .serialized)
struct MultiInstanceTests {
    /// A new database on the test server, by `psql` (the tests of this module do not link postgres-nio).
    static func newDatabase() throws -> String? {
        guard let admin = ProcessInfo.processInfo.environment["PARLEY_TEST_POSTGRES_URL"], !admin.isEmpty else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "PARLEY_TEST_POSTGRES_URL is not set: run through ./test.sh")
            return nil
        }
        let name = "parley_multi_\(UUID().uuidString.prefix(8).lowercased())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [admin, "-qc", "CREATE DATABASE \(name)"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { Issue.record("psql could not create \(name)"); return nil }
        guard let slash = admin.range(of: "/", options: .backwards) else { return nil }
        return admin[..<slash.lowerBound] + "/" + name
    }

    /// Two instances on `store`, each with a data directory of its own, started one after the
    /// other (the first imports the catalogs).
    static func twoInstances(_ executable: URL, store: String, arguments: [String] = [], environment: [String: String] = [:]) throws
        -> (CrashSafetyTests.Server, CrashSafetyTests.Server) {
        func start() throws -> CrashSafetyTests.Server {
            let data = FileManager.default.temporaryDirectory.appendingPathComponent("parley-multi-\(UUID().uuidString)").path
            return try CrashSafetyTests.Server(executable: executable, dataDirectory: data, arguments: ["--store", store] + arguments, environment: environment)
        }
        let a = try start()
        return (a, try start())
    }

    static func stop(_ servers: CrashSafetyTests.Server...) {
        for server in servers where server.process.isRunning {
            server.process.terminate()
            server.process.waitUntilExit()
        }
    }

    static func makeKey(_ executable: URL, store: String, scope: String = "admin", unlimited: Bool = true) throws -> String {
        let created = try CrashSafetyTests.run(
            executable, ["keys", "create", "--store", store, "--name", "multi-\(UUID().uuidString.prefix(6))", "--scope", scope] + (unlimited ? ["--unlimited"] : []))
        return String(created.split(separator: "\n").last ?? "")
    }

    @Test func anEditOnOneInstanceIsServedByTheOtherWithANewETag() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try Self.newDatabase() else { return }
        let (a, b) = try Self.twoInstances(executable, store: store)
        defer { Self.stop(a, b) }
        let key = try Self.makeKey(executable, store: store)
        let before = try await CrashSafetyTests.request(.GET, "\(b.base)/locales/es/common.json", key: key)
        #expect(before.status == 200, "\(before.body)")
        let uri = "\(a.base)/v1/catalogs/es/common/keys/button.close"
        var etag = try await CrashSafetyTests.request(.GET, uri, key: key).etag ?? ""
        var served = before.etag
        for round in 0..<5 {
            let value = "Cerrar \(round) \(UUID().uuidString.prefix(4))"
            let put = try await CrashSafetyTests.request(.PUT, uri, key: key, ifMatch: etag, body: #"{"value":"\#(value)"}"#)
            #expect(put.status == 200, "\(put.body)")
            etag = put.etag ?? ""
            // The very next request to the other instance, right after the acknowledgement.
            let after = try await CrashSafetyTests.request(.GET, "\(b.base)/locales/es/common.json", key: key)
            #expect(after.body.contains(#""close": "\#(value)""#), "round \(round): B served \(after.body.prefix(300))")
            #expect(after.etag != served, "round \(round): the ETag did not change")
            served = after.etag
        }
        // B's edit API sees A's revision, so an edit through B with A's ETag succeeds.
        let throughB = try await CrashSafetyTests.request(.PUT, "\(b.base)/v1/catalogs/es/common/keys/button.close", key: key, ifMatch: etag, body: #"{"value":"Cerrar"}"#)
        #expect(throughB.status == 200, "\(throughB.body)")
    }

    @Test func aKeyMadeWithTheCLIWorksOnBothAndRevokedStopsOnBoth() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try Self.newDatabase() else { return }
        let (a, b) = try Self.twoInstances(executable, store: store)
        defer { Self.stop(a, b) }
        let key = try Self.makeKey(executable, store: store, scope: "detect")
        for server in [a, b] {
            let answer = try await CrashSafetyTests.request(.POST, "\(server.base)/v1/detect", key: key, body: #"{"texts":["Hola a todos"]}"#)
            #expect(answer.status == 200, "\(answer.body)")
        }
        let listed = try CrashSafetyTests.run(executable, ["keys", "list", "--store", store])
        guard let line = listed.split(separator: "\n").first(where: { $0.contains(String(key.prefix(8))) }),
              let id = line.split(separator: " ").first else { Issue.record("key not listed: \(listed)"); return }
        let revokedAt = ContinuousClock.now
        _ = try CrashSafetyTests.run(executable, ["keys", "revoke", "--store", store, String(id)])
        for server in [a, b] {
            // Well inside the 2-second memory of a verdict: only the notification explains a quick refusal.
            var status = 0
            while ContinuousClock.now - revokedAt < .seconds(1) {
                status = try await CrashSafetyTests.request(.POST, "\(server.base)/v1/detect", key: key, body: #"{"texts":["Hola"]}"#).status
                if status == 401 { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(status == 401, "\(server.base) still accepted the revoked key after \(ContinuousClock.now - revokedAt)")
        }
    }

    @Test func twoInstancesTogetherAcceptOneKeysRateAndBurst() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try Self.newDatabase() else { return }
        let limit = ["PARLEY_AUTH_RATE_LIMIT_REQUESTS_PER_SECOND": "2", "PARLEY_AUTH_RATE_LIMIT_BURST": "20"]
        let (a, b) = try Self.twoInstances(executable, store: store, environment: limit)
        defer { Self.stop(a, b) }
        let key = try Self.makeKey(executable, store: store, scope: "detect", unlimited: false)
        let started = ContinuousClock.now
        let answers = try await withThrowingTaskGroup(of: (server: Int, status: Int).self) { group in
            for index in 0..<80 {
                let server = index % 2
                let base = server == 0 ? a.base : b.base
                group.addTask { (server, try await CrashSafetyTests.request(.POST, "\(base)/v1/detect", key: key, body: #"{"texts":["Hola a todos"]}"#).status) }
            }
            return try await group.reduce(into: [(server: Int, status: Int)]()) { $0.append($1) }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let accepted = answers.filter { $0.status == 200 }.count
        #expect(answers.allSatisfy { $0.status == 200 || $0.status == 429 }, "\(answers)")
        // The burst once, plus the refill while the requests ran (and a token of rounding):
        // two separate limits would have accepted 40 or more.
        #expect(accepted >= 20, "accepted \(accepted)")
        #expect(Double(accepted) <= 20 + 2 * seconds + 1, "accepted \(accepted) in \(elapsed)")
        // Both instances refused on the key's behalf once the bucket was spent.
        for server in [0, 1] {
            #expect(answers.contains { $0.server == server && $0.status == 429 }, "instance \(server) never refused")
        }
    }

    @Test func aTranslationThroughAIsACacheHitThroughB() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try Self.newDatabase() else { return }
        let fake = try await FakeLibreTranslate.start()
        defer { Task { await fake.stop() } }
        let (a, b) = try Self.twoInstances(executable, store: store, arguments: ["--backend", "lt=libretranslate@\(fake.baseURL)"])
        defer { Self.stop(a, b) }
        let key = try Self.makeKey(executable, store: store)
        let body = #"{"texts":["Shared across instances"],"source":"en","targets":["es"]}"#
        let first = try await CrashSafetyTests.request(.POST, "\(a.base)/v1/translate", key: key, body: body)
        #expect(first.status == 200, "\(first.body)")
        func translations() -> Int { fake.requests.filter { $0.uri.hasPrefix("/translate") }.count }
        let calls = translations()
        #expect(calls == 1)
        // The cache writes behind in small batches (within 50 ms); give it a moment.
        try await Task.sleep(for: .milliseconds(300))
        let second = try await CrashSafetyTests.request(.POST, "\(b.base)/v1/translate", key: key, body: body)
        #expect(second.status == 200, "\(second.body)")
        #expect(second.body.contains("[es] Shared across instances"), "\(second.body)")
        #expect(translations() == calls, "B called the backend for what A had translated")
        #expect(second.body.contains(#""cached":true"#) || second.body.contains(#""cached": true"#), "\(second.body)")
    }
}
