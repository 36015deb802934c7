import BackendFakes
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Pre-translation jobs on two real `parley serve` processes sharing one PostgreSQL database:
/// a job runs exactly once although both instances look for work, and a job whose instance is
/// killed (`kill -9`) mid-run is finished by the other, without redoing what was stored.
/// Arabic starts empty (a catalog tree with `{}` for every Arabic file), so there is real work.
@Suite("Several instances: jobs run once and survive kill -9", .serialized)
struct MultiInstanceJobTests {
    /// A copy of Catalogs/ with every Arabic namespace emptied.
    static func catalogsWithoutArabic() throws -> String {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("parley-jobs-catalogs-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CrashSafetyTests.repositoryRoot.appendingPathComponent("Catalogs").path, toPath: tree)
        let arabic = (tree as NSString).appendingPathComponent("ar")
        for file in try FileManager.default.contentsOfDirectory(atPath: arabic) where file.hasSuffix(".json") {
            try Data("{}".utf8).write(to: URL(fileURLWithPath: (arabic as NSString).appendingPathComponent(file)))
        }
        return tree
    }

    static func job(_ base: String, _ id: String, key: String) async throws -> [String: Any] {
        let answer = try await CrashSafetyTests.request(.GET, "\(base)/v1/jobs/\(id)", key: key)
        return (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]) ?? [:]
    }

    static func waitFinished(_ base: String, _ id: String, key: String, within limit: Duration) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + limit
        var status = try await job(base, id, key: key)
        while ["queued", "running"].contains(status["state"] as? String ?? ""), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            status = try await job(base, id, key: key)
        }
        return status
    }

    static func start(_ base: String, key: String, namespace: String? = nil) async throws -> String {
        let body = namespace.map { #"{"namespace":"\#($0)"}"# } ?? "{}"
        let answer = try await CrashSafetyTests.request(.POST, "\(base)/v1/catalogs/ar/pretranslate", key: key, body: body)
        #expect(answer.status == 202, "\(answer.body)")
        let object = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]) ?? [:]
        return object["id"] as? String ?? ""
    }

    @Test func oneJobRunsOnceWhileBothInstancesLookForWork() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try MultiInstanceTests.newDatabase() else { return }
        let fake = try await FakeLibreTranslate.start()
        defer { Task { await fake.stop() } }
        let (a, b) = try MultiInstanceTests.twoInstances(
            executable, store: store, arguments: ["--backend", "lt=libretranslate@\(fake.baseURL)"],
            environment: ["PARLEY_CATALOGS": try Self.catalogsWithoutArabic()])
        defer { MultiInstanceTests.stop(a, b) }
        let key = try MultiInstanceTests.makeKey(executable, store: store)
        let id = try await Self.start(a.base, key: key, namespace: "common")
        // Either instance may claim it; both report the same job.
        let finished = try await Self.waitFinished(b.base, id, key: key, within: .seconds(60))
        #expect(finished["state"] as? String == "completed", "\(finished)")
        #expect(finished["attempts"] as? Int == 1, "\(finished)")
        let progress = finished["progress"] as? [String: Any] ?? [:]
        #expect((progress["translated"] as? Int ?? 0) > 0, "\(finished)")
        #expect(try await Self.job(a.base, id, key: key)["state"] as? String == "completed")
        let audit = try await CrashSafetyTests.request(.GET, "\(a.base)/v1/audit?limit=1000", key: key)
        let entries = ((try? JSONSerialization.jsonObject(with: Data(audit.body.utf8)) as? [String: Any])?["entries"] as? [[String: Any]]) ?? []
        #expect(entries.filter { $0["action"] as? String == "catalog.pretranslate" }.count == 1, "the job ran more than once")
        let missing = try await CrashSafetyTests.request(.GET, "\(b.base)/v1/jobs/job_nope", key: key)
        #expect(missing.status == 404)
    }

    @Test func aJobWhoseInstanceIsKilledIsFinishedByTheOther() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try MultiInstanceTests.newDatabase() else { return }
        let fake = try await FakeLibreTranslate.start()
        defer { Task { await fake.stop() } }
        // Slow translations: the job is still running when its instance dies.
        fake.faultsHitOnlyTranslations = true
        fake.fault = .delay(.milliseconds(150))
        let (a, b) = try MultiInstanceTests.twoInstances(
            executable, store: store, arguments: ["--backend", "lt=libretranslate@\(fake.baseURL)"],
            environment: ["PARLEY_CATALOGS": try Self.catalogsWithoutArabic(), "PARLEY_STORE_JOB_LEASE": "2s"])
        defer { MultiInstanceTests.stop(a, b) }
        let key = try MultiInstanceTests.makeKey(executable, store: store)
        // Stop B from claiming first: the job must start on A. (B's poll could win the race; a
        // job queued while B is stopped is A's, since A claims on enqueue.)
        kill(b.process.processIdentifier, SIGSTOP)
        let id = try await Self.start(a.base, key: key)
        var status = try await Self.job(a.base, id, key: key)
        let deadline = ContinuousClock.now + .seconds(30)
        while ((status["progress"] as? [String: Any])?["done"] as? Int ?? 0) == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            status = try await Self.job(a.base, id, key: key)
        }
        let doneBeforeKill = (status["progress"] as? [String: Any])?["done"] as? Int ?? 0
        #expect(status["state"] as? String == "running", "\(status)")
        #expect(doneBeforeKill > 0, "\(status)")
        a.kill9()
        kill(b.process.processIdentifier, SIGCONT)
        let finished = try await Self.waitFinished(b.base, id, key: key, within: .seconds(120))
        #expect(finished["state"] as? String == "completed", "\(finished)")
        #expect(finished["attempts"] as? Int == 2, "\(finished)")
        // The resumed run did only what was left.
        let total = (finished["progress"] as? [String: Any])?["total"] as? Int ?? 0
        #expect(total > 0 && total < 512, "resumed run had \(total) keys")
        // Every Arabic key has a value now.
        for namespace in ["common", "chat"] {
            let document = try await CrashSafetyTests.request(.GET, "\(b.base)/locales/ar/\(namespace).json", key: key)
            #expect(document.status == 200)
            #expect(document.body.contains("[ar]"), "\(namespace): \(document.body.prefix(200))")
        }
    }
}
