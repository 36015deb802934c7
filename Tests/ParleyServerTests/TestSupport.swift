import AccessControl
import Catalogs
import CatalogWorkflow
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyServer
import ServiceConfiguration
import Storage
import TranslationBackends

/// Builds a service over a fresh SQLite store in a temporary directory.
struct TestService {
    let service: ParleyService
    let store: SQLiteStore

    /// The shipped detector, loaded once for all tests.
    static let detection: DetectionService = {
        do { return try DetectionService.bundled() } catch { fatalError("cannot load the language model: \(error)") }
    }()

    init(
        configure: (inout ParleyConfiguration) -> Void = { _ in },
        backends: [any TranslationBackend] = [],
        catalogs: CatalogService? = nil,
        jobs: JobRegistry? = nil,
        pretranslate: PretranslateFunction? = nil,
        webhookMonitor: WebhookChangeMonitor? = nil,
        logger: Logger? = nil,
        extraRoutes: @escaping @Sendable (ParleyRouter) -> Void = { _ in }
    ) throws {
        var configuration = ParleyConfiguration()
        configuration.server.port = 0
        configure(&configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-server-\(UUID().uuidString)").path
        store = try SQLiteStore(directory: directory)
        var quiet = Logger(label: "parley-test")
        quiet.logLevel = .critical
        let logger = logger ?? quiet
        service = try ParleyService(
            configuration: configuration, store: store, logger: logger, backends: backends, detection: Self.detection,
            catalogs: catalogs, jobs: jobs, pretranslate: pretranslate, webhookMonitor: webhookMonitor, extraRoutes: extraRoutes)
    }

    /// Runs `body` against the router in process.
    func test<Value>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await service.makeApplication().test(.router, body)
    }

    func key(_ scopes: [Scope], unlimited: Bool = false) async throws -> (record: APIKeyRecord, key: String) {
        try await service.keys.create(name: "test", scopes: scopes, unlimited: unlimited)
    }
}

extension TestResponse {
    /// The decoded error envelope.
    var envelope: ErrorEnvelope? { try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(buffer: body)) }
    var text: String { String(buffer: body) }
}

func bearer(_ key: String) -> HTTPFields {
    [.authorization: "Bearer \(key)"]
}

func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// A route that decodes a JSON body, for the malformed-body tests.
struct EchoBody: Codable { var texts: [String] }
