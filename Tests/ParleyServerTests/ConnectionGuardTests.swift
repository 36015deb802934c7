import Foundation
import Logging
import ParleyServer
import ServiceConfiguration
import ServiceLifecycle
import Testing

/// Slow and greedy clients against a real listening server with tight limits: a head or body
/// that trickles is cut with 408, an oversized head gets 431, garbage gets 400, connections
/// beyond the limit get 503 — and idle keep-alive connections and normal requests are left alone.
@Suite("Connection guard: slow clients, header and connection bounds", .serialized)
struct ConnectionGuardTests {
    static func limited(_ configuration: inout ParleyConfiguration) {
        configuration.server.headerTimeout = .milliseconds(400)
        configuration.server.bodyRateWindow = .milliseconds(400)
        configuration.server.minimumBodyRate = 1_000
        configuration.server.idleTimeout = .seconds(3)
        configuration.server.maxHeaderSize = 2_048
        configuration.server.maxConnections = 3
        configuration.auth.rateLimit.requestsPerSecond = 0
    }

    /// Runs `body` with the port of a listening server configured by ``limited(_:)``.
    func withServer(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let server = try TestService(configure: Self.limited)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = server.service.makeApplication { port in continuation.yield(port) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { Issue.record("server did not start"); return }
            defer { Task { await group.triggerGracefulShutdown() } }
            try await body(port)
        }
    }

    /// Checks a refusal the guard writes itself: the status line, the error code, and that the
    /// connection is closed after it.
    func expectRefusal(_ answer: (text: String, closed: Bool), _ statusLine: String, code: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answer.text.hasPrefix("HTTP/1.1 \(statusLine)"), "\(answer.text)", sourceLocation: sourceLocation)
        #expect(answer.text.contains(#""code":"\#(code)""#), "\(answer.text)", sourceLocation: sourceLocation)
        #expect(answer.closed, "the connection stayed open", sourceLocation: sourceLocation)
    }

    @Test func aHeadThatTricklesIsCutWith408() async throws {
        try await withServer { port in
            let connection = try RawConnection(port: port)
            connection.send("POST /v1/translate HTTP/1.1\r\nHost: parley\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(3))
            expectRefusal(answer, "408 Request Timeout", code: "request_timeout")
        }
    }

    @Test func aBodySlowerThanTheMinimumRateIsCutWith408() async throws {
        try await withServer { port in
            let connection = try RawConnection(port: port)
            connection.send("POST /v1/translate HTTP/1.1\r\nHost: parley\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"text\":")
            let answer = await connection.readUntilClosed(timeout: .seconds(3))
            expectRefusal(answer, "408 Request Timeout", code: "request_timeout")
            #expect(answer.text.contains("body arrived too slowly"))
        }
    }

    @Test func aBodyArrivingFastEnoughIsServed() async throws {
        try await withServer { port in
            let connection = try RawConnection(port: port)
            let body = #"{"text":"Hello","target":"es"}"#
            connection.send("POST /v1/detect HTTP/1.1\r\nHost: parley\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n")
            try await Task.sleep(for: .milliseconds(200)) // under one window: nothing is measured yet
            connection.send(body)
            let answer = await connection.readUntilClosed(timeout: .seconds(3))
            #expect(!answer.text.contains("HTTP/1.1 408"), "\(answer.text)")
            #expect(answer.text.hasPrefix("HTTP/1.1 "))
        }
    }

    @Test func anIdleKeepAliveConnectionIsNotAnsweredButKeptUntilTheIdleTimeout() async throws {
        try await withServer { port in
            let connection = try RawConnection(port: port)
            try await Task.sleep(for: .milliseconds(900)) // longer than the header timeout: idle is not slow
            connection.send("GET /healthz HTTP/1.1\r\nHost: parley\r\n\r\n")
            try await Task.sleep(for: .milliseconds(300))
            connection.send("GET /healthz HTTP/1.1\r\nHost: parley\r\nConnection: close\r\n\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(3))
            #expect(answer.text.components(separatedBy: "HTTP/1.1 200 OK").count == 3, "\(answer.text)")
            #expect(!answer.text.contains("HTTP/1.1 408"))
        }
    }

    @Test func anOversizedHeadGets431() async throws {
        try await withServer { port in
            let connection = try RawConnection(port: port)
            connection.send("GET /healthz HTTP/1.1\r\nHost: parley\r\nX-Filler: \(String(repeating: "a", count: 4_000))\r\n\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(3))
            expectRefusal(answer, "431 Request Header Fields Too Large", code: "headers_too_large")
        }
    }

    @Test func garbageGets400() async throws {
        try await withServer { port in
            let connection = try RawConnection(port: port)
            connection.send("HELLO THERE\u{01}\r\n\r\n")
            let answer = await connection.readUntilClosed(timeout: .seconds(3))
            expectRefusal(answer, "400 Bad Request", code: "malformed_http")
        }
    }

    @Test func connectionsBeyondTheLimitGet503AndAFreedSlotIsReused() async throws {
        try await withServer { port in
            var held: [RawConnection?] = try (0..<3).map { _ in try RawConnection(port: port) }
            try await Task.sleep(for: .milliseconds(100))
            let extra = try RawConnection(port: port)
            let refused = await extra.readUntilClosed(timeout: .seconds(3))
            expectRefusal(refused, "503 Service Unavailable", code: "too_many_connections")
            #expect(refused.text.contains("Retry-After: 1"))
            held[0] = nil // closes one of the three
            try await Task.sleep(for: .milliseconds(200))
            let again = try RawConnection(port: port)
            again.send("GET /healthz HTTP/1.1\r\nHost: parley\r\nConnection: close\r\n\r\n")
            let answer = await again.readUntilClosed(timeout: .seconds(3))
            #expect(answer.text.hasPrefix("HTTP/1.1 200 OK"), "\(answer.text)")
            #expect(held.compactMap { $0 }.count == 2)
        }
    }
}
