import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import ParleyServer
import ServiceLifecycle
import Testing

@Suite("Graceful shutdown")
struct GracefulShutdownTests {
    @Test func inFlightRequestFinishes() async throws {
        let server = try TestService(extraRoutes: { router in
            router.get("/test/slow") { _, _ in
                try await Task.sleep(for: .milliseconds(600))
                return try JSONResponse.make(["done": true])
            }
        })
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = server.service.makeApplication { port in portContinuation.yield(port) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = portStream.makeAsyncIterator()
            guard let port = await iterator.next() else { Issue.record("server did not start"); return }
            let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                async let slow = client.get("/test/slow")
                try await Task.sleep(for: .milliseconds(150))
                await group.triggerGracefulShutdown()
                return try await slow
            }
            #expect(response.status == .ok)
            #expect(String(buffer: response.body ?? ByteBuffer()) == #"{"done":true}"#)
            try await tasks.waitForAll()
        }
    }
}
