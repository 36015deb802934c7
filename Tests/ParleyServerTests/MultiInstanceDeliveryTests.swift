import Foundation
import HTTPTypes
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two real `parley serve` processes on one PostgreSQL database, for the guarantees that need a
/// race or a death: a webhook event that both instances notice is delivered once, and edits
/// made on both instances while one of them is killed (`kill -9`) lose nothing acknowledged.
@Suite("Several instances: one delivery per event, no lost edit", .serialized)
struct MultiInstanceDeliveryTests {
    /// Ten language/namespace pairs, each edited once: ten changes, ten events.
    static let pairs: [(language: String, namespace: String, key: String)] = ["es", "ru", "uk", "ga", "sw"].flatMap { language in
        [(language, "common", "appName"), (language, "chat", "buddyList.searchPlaceholder")]
    }

    @Test func eachCatalogChangeIsDeliveredOnceAlthoughBothInstancesNoticeIt() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try MultiInstanceTests.newDatabase() else { return }
        let receiver = try await WebhookReceiver { _ in (.ok, .zero) }
        defer { Task { await receiver.stop() } }
        // Both instances send webhooks and poll the versions often, so both notice every change
        // (the editing instance at once, the other by notification or poll).
        let (a, b) = try MultiInstanceTests.twoInstances(
            executable, store: store,
            environment: ["PARLEY_WEBHOOK_URL": receiver.url, "PARLEY_WEBHOOK_SECRET": "whsec_multi_instance_test", "PARLEY_WEBHOOK_POLL_INTERVAL": "100ms"])
        defer { MultiInstanceTests.stop(a, b) }
        let key = try MultiInstanceTests.makeKey(executable, store: store)
        for (index, pair) in Self.pairs.enumerated() {
            let base = index.isMultiple(of: 2) ? a.base : b.base
            let uri = "\(base)/v1/catalogs/\(pair.language)/\(pair.namespace)/keys/\(pair.key)"
            let etag = try await CrashSafetyTests.request(.GET, uri, key: key).etag
            let put = try await CrashSafetyTests.request(.PUT, uri, key: key, ifMatch: etag, body: #"{"value":"edit \#(index)"}"#)
            #expect(put.status == 200, "\(put.body)")
        }
        _ = await receiver.wait(for: Self.pairs.count, timeout: .seconds(20))
        // Give a duplicate time to arrive: both instances poll every 100 ms.
        try await Task.sleep(for: .seconds(2))
        let received = receiver.requests
        #expect(received.count == Self.pairs.count, "\(received.count) deliveries for \(Self.pairs.count) changes")
        let ids = received.compactMap { $0.headers[HTTPField.Name("X-Parley-Event-Id")!] }
        #expect(ids.count == received.count && Set(ids).count == ids.count, "event ids: \(ids)")
        let bodies = Set(received.map { String(decoding: $0.body, as: UTF8.self) })
        for pair in Self.pairs {
            #expect(bodies.contains(#"{"event":"catalog.changed","lang":"\#(pair.language)","namespace":"\#(pair.namespace)"}"#))
        }
    }

    /// What one writer saw acknowledged: key → (revision, value).
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var writes: [String: [(revision: Int, value: String)]] = [:]
        func add(_ key: String, revision: Int, value: String) {
            lock.withLock { writes[key, default: []].append((revision, value)) }
        }
        var all: [String: [(revision: Int, value: String)]] { lock.withLock { writes } }
    }

    static let editedKeys = ["appName", "status.online", "status.away", "visibility.everyone"]

    /// Read-modify-write loops over `keys` on `base` until `stop` or the instance stops
    /// answering; only a 200 answer counts as acknowledged.
    static func write(_ base: String, name: String, keys: [String], key: String, until stop: ContinuousClock.Instant, into acknowledged: Acknowledged) async -> Int {
        var failures = 0
        var round = 0
        while ContinuousClock.now < stop {
            round += 1
            let entry = keys[round % keys.count]
            let uri = "\(base)/v1/catalogs/es/common/keys/\(entry)"
            let value = "\(name) \(round)"
            do {
                // A request caught by the kill can hang until its timeout; keep that short.
                let etag = try await CrashSafetyTests.request(.GET, uri, key: key, timeout: .seconds(3)).etag
                let put = try await CrashSafetyTests.request(.PUT, uri, key: key, ifMatch: etag, body: #"{"value":"\#(value)"}"#, timeout: .seconds(3))
                guard put.status == 200 else { continue }
                let object = (try? JSONSerialization.jsonObject(with: Data(put.body.utf8)) as? [String: Any]) ?? [:]
                acknowledged.add(entry, revision: object["revision"] as? Int ?? 0, value: value)
            } catch {
                failures += 1  // the killed instance: nothing it did not answer counts
                if failures > 3 { return round }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        return round
    }

    @Test func editsOnBothInstancesWhileOneIsKilledLoseNothingAcknowledged() async throws {
        guard let executable = CrashSafetyTests.executable, let store = try MultiInstanceTests.newDatabase() else { return }
        let (a, b) = try MultiInstanceTests.twoInstances(executable, store: store)
        defer { MultiInstanceTests.stop(a, b) }
        let key = try MultiInstanceTests.makeKey(executable, store: store)
        let acknowledged = Acknowledged()
        let end = ContinuousClock.now + .seconds(4)
        let baseA = a.base, baseB = b.base
        // Each writer has keys of its own in the one namespace both edit: whether A gets anything
        // acknowledged before it dies must not hang on winning If-Match races against B (a CI run
        // saw A lose all of its 70), while the namespace's versions and revisions are contended.
        async let throughA = Self.write(baseA, name: "a", keys: Array(Self.editedKeys.prefix(2)), key: key, until: end, into: acknowledged)
        async let throughB = Self.write(baseB, name: "b", keys: Array(Self.editedKeys.suffix(2)), key: key, until: end, into: acknowledged)
        // Kill A in the middle of its writing.
        try await Task.sleep(for: .milliseconds(1500))
        a.kill9()
        let killed = ContinuousClock.now
        let rounds = await (throughA, throughB)
        print("writers: rounds \(rounds), joined \(killed.duration(to: .now)) after the kill")
        let writes = acknowledged.all
        let count = writes.values.map(\.count).reduce(0, +)
        #expect(count > 20, "only \(count) acknowledged edits in \(rounds) rounds")
        #expect(writes.values.joined().contains { $0.value.hasPrefix("a ") }, "A acknowledged nothing before it died")
        for (entry, acks) in writes {
            let uri = "\(b.base)/v1/catalogs/es/common/keys/\(entry)"
            // Every acknowledged revision is in the history with its value …
            let history = try await CrashSafetyTests.request(.GET, uri + "/history", key: key)
            let revisions = ((try? JSONSerialization.jsonObject(with: Data(history.body.utf8)) as? [String: Any])?["revisions"] as? [[String: Any]]) ?? []
            var stored: [Int: String] = [:]
            for revision in revisions {
                if let number = revision["revision"] as? Int, let new = revision["new"] as? [String: Any], let value = new["value"] as? String {
                    stored[number] = value
                }
            }
            for ack in acks {
                #expect(stored[ack.revision] == ack.value, "\(entry) revision \(ack.revision): acknowledged \(ack.value), stored \(stored[ack.revision] ?? "nothing")")
            }
            // … and the value served now is the last acknowledged one (nothing else was acknowledged after it).
            let current = try await CrashSafetyTests.request(.GET, uri, key: key)
            let object = (try? JSONSerialization.jsonObject(with: Data(current.body.utf8)) as? [String: Any]) ?? [:]
            let last = acks.max { $0.revision < $1.revision }
            let revision = object["revision"] as? Int ?? 0
            #expect(revision >= last?.revision ?? 0)
            if revision == last?.revision { #expect((object["translation"] as? [String: Any])?["value"] as? String == last?.value) }
        }
    }
}
