import AccessControl
import Catalogs
import CatalogWorkflow
import Foundation
import Glossary
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Languages
import Logging
import NIOCore
import ParleyServer
import ServiceLifecycle
import Storage
import Synchronization

/// The repository's Catalogs/ and Glossaries/, loaded into a fresh store, and a server with the
/// translator API on it.
enum CatalogEditFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let glossary: Glossary? = try? Glossary.load(directory: root.appendingPathComponent("Glossaries").path)

    static func temporaryDirectory(_ label: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(label)-\(UUID().uuidString)").path
    }

    /// A catalog service over its own store, with the shipped catalogs and glossary.
    static func catalogs() async throws -> (CatalogService, SQLiteStore) {
        let store = try SQLiteStore(directory: temporaryDirectory("catalog-edit"))
        let catalogs = CatalogService(store: store, glossary: glossary)
        _ = try await catalogs.importTree(from: root.appendingPathComponent("Catalogs").path)
        return (catalogs, store)
    }

    /// A test server whose catalogs are `catalogs`, with the given jobs, pre-translation
    /// function and webhook monitor behind the translator API.
    static func server(
        _ catalogs: CatalogService, jobs: JobRegistry? = nil, pretranslate: PretranslateFunction? = nil,
        webhooks: WebhookChangeMonitor? = nil
    ) throws -> TestService {
        try TestService(catalogs: catalogs, jobs: jobs, pretranslate: pretranslate, webhookMonitor: webhooks)
    }
}

/// JSON helpers for responses.
extension TestResponse {
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any]) ?? [:] }
    /// `error.<name>` of an error envelope.
    func errorField(_ name: String) -> Any? { (object["error"] as? [String: Any])?[name] }
}

/// Headers with a bearer key (or none) and optional If-Match.
func editHeaders(_ key: String?, ifMatch: String? = nil) -> HTTPFields {
    var fields = HTTPFields()
    if let key { fields[.authorization] = "Bearer \(key)" }
    if let ifMatch { fields[.ifMatch] = ifMatch }
    fields[.contentType] = "application/json"
    return fields
}

/// A JSON body.
func body(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

/// An HTTP receiver on 127.0.0.1 (port 0) that records what it is sent and answers with what
/// `respond` says for the n-th request (1-based), after an optional delay.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: HTTPFields
        var body: [UInt8]
        var at: ContinuousClock.Instant
    }

    /// What arrived, shared with the route.
    final class Log: Sendable {
        let list = Mutex<[Received]>([])
    }

    private let log: Log
    private let group: ServiceGroup
    private let task: Task<Void, Never>
    let port: Int

    init(respond: @escaping @Sendable (Int) -> (status: HTTPResponse.Status, delay: Duration)) async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let router = Router()
        let log = Log()
        self.log = log
        router.post("/hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let count = log.list.withLock { list in
                list.append(Received(headers: request.headers, body: Array(buffer: buffer), at: .now))
                return list.count
            }
            let answer = respond(count)
            if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
            return Response(status: answer.status)
        }
        var logger = Logger(label: "parley.webhook-receiver")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        self.group = group
        task = Task { try? await group.run(); continuation.finish() }
        var iterator = ports.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    var requests: [Received] { log.list.withLock { $0 } }

    /// Waits until `count` requests arrived (or `timeout` passed).
    func wait(for count: Int, timeout: Duration = .seconds(10)) async -> [Received] {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            let list = requests
            if list.count >= count { return list }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return requests
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}
