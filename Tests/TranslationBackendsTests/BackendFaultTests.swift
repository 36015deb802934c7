import AsyncHTTPClient
import BackendFakes
import Languages
import ServiceConfiguration
import Testing
@testable import TranslationBackends

/// Every fault of every fake mapped to the right ``BackendError`` by every client.
@Suite("Faults mapped to BackendError")
struct BackendFaultTests {
    static func start(_ kind: BackendKind) async throws -> any FakeBackendServer {
        switch kind {
        case .libreTranslate: try await FakeLibreTranslate.start()
        case .nllbAPI: try await FakeNLLBAPI.start()
        case .nllbServe: try await FakeNLLBServe.start()
        }
    }

    static func withFake(_ kind: BackendKind, _ body: (any FakeBackendServer, any TranslationBackend) async throws -> Void) async throws {
        let fake = try await start(kind)
        let backend = BackendFactory.make(backendSettings(kind, fake.baseURL), httpClient: testHTTPClient)
        do {
            try await body(fake, backend)
        } catch {
            await fake.stop()
            throw error
        }
        await fake.stop()
    }

    static func translation(_ kind: BackendKind, _ text: String) -> String {
        kind == .libreTranslate ? "[es] \(text)" : "[spa_Latn] \(text)"
    }

    static let text = "Hello world, how are you?"

    @Test(arguments: BackendKind.allCases)
    func worksWithoutFaults(kind: BackendKind) async throws {
        try await Self.withFake(kind) { _, backend in
            let output1 = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output1 == [Self.translation(kind, Self.text)])
            try await backend.probeHealth()
        }
    }

    @Test(arguments: BackendKind.allCases)
    func aHangingServerTimesOutOnTime(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.hangDuration = .seconds(2)
            fake.fault = .timeout
            let (error, elapsed) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .milliseconds(200)) }
            #expect(error == .timeout)
            #expect(elapsed < .milliseconds(500))
            #expect(elapsed >= .milliseconds(190))
        }
    }

    @Test(arguments: BackendKind.allCases)
    func aSlowBodyTimesOutOnTime(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .slowBody(.seconds(2))
            let (error, elapsed) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .milliseconds(200)) }
            #expect(error == .timeout)
            #expect(elapsed < .milliseconds(500))
        }
    }

    @Test(arguments: BackendKind.allCases)
    func aSlowBodyWithinTheDeadlineIsFine(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .slowBody(.milliseconds(100))
            let output2 = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output2 == [Self.translation(kind, Self.text)])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func aClosedPortIsRefusedAtOnce(kind: BackendKind) async throws {
        let url = try await FakeServerControl.closedPortURL()
        let backend = BackendFactory.make(backendSettings(kind, url), httpClient: testHTTPClient)
        let (error, elapsed) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
        guard case .connectionFailed = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(elapsed < .seconds(1))
        let (health, _) = await failure { try await backend.probeHealth() }
        #expect(health?.code == "backend_unavailable")
    }

    @Test(arguments: BackendKind.allCases)
    func aStoppedFakeIsRefusedAndCanRestart(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            _ = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            await fake.stop()
            let (error, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(2)) }
            #expect(error?.code == "backend_unavailable")
            try await fake.restart()
            let output3 = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output3 == [Self.translation(kind, Self.text)])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func droppedConnectionsAreConnectionFailures(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .refuseConnections
            let (error, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error?.code == "backend_unavailable")
            fake.fault = .none
            let output4 = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output4 == [Self.translation(kind, Self.text)])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func serverErrorsKeepTheServersMessage(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .serverError
            let (error, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            let message = switch kind {
            case .libreTranslate: "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application."
            case .nllbAPI: "Internal Server Error"
            case .nllbServe: "500 Internal Server Error"
            }
            #expect(error == .serverError(status: 500, message: message))
        }
    }

    @Test(arguments: BackendKind.allCases)
    func rateLimitingHonoursRetryAfter(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .rateLimited(retryAfter: 7)
            let (error, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .rateLimited(retryAfterSeconds: 7))
            fake.fault = .rateLimited
            let (plain, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(plain == .rateLimited(retryAfterSeconds: nil))
        }
    }

    @Test(arguments: BackendKind.allCases)
    func malformedJSONIsAMalformedResponse(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .malformedJSON
            let (error, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error?.code == "backend_malformed_response")
        }
    }

    @Test(arguments: [BackendKind.libreTranslate, .nllbServe])
    func aWrongNumberOfOutputsIsAMalformedResponse(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .wrongCount
            for texts in [[Self.text], ["Hello world.", "Good morning.", "Good night."]] {
                let (error, _) = await failure { try await backend.translate(texts, pair: enES, format: .text, timeout: .seconds(5)) }
                #expect(error?.code == "backend_malformed_response", "\(texts.count) texts")
            }
        }
    }

    @Test(arguments: BackendKind.allCases)
    func anEchoFailsTheWholeCall(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .echo
            let (error, _) = await failure { try await backend.translate(["Hi", Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .echoedInput)
            // Short inputs may legitimately come back unchanged.
            let output5 = try await backend.translate(["Hi", "OK"], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output5 == ["Hi", "OK"])
        }
    }

    @Test(arguments: BackendKind.allCases)
    func failAfterWorksThenFails(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .failAfter(2)
            for _ in 0..<2 {
                _ = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            }
            let (error, _) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error?.code == "backend_error")
            let (health, _) = await failure { try await backend.probeHealth() }
            #expect(health?.code == "backend_error")
            #expect(fake.requestCount == 3)
        }
    }

    @Test(arguments: BackendKind.allCases)
    func delayAddsLatency(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            fake.fault = .delay(.milliseconds(150))
            let start = ContinuousClock.now
            let output6 = try await backend.translate([Self.text], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output6 == [Self.translation(kind, Self.text)])
            #expect(start.duration(to: .now) >= .milliseconds(150))
        }
    }

    @Test(arguments: BackendKind.allCases)
    func healthProbesFailLikeTranslations(kind: BackendKind) async throws {
        try await Self.withFake(kind) { fake, backend in
            let output7 = try await backend.discoverCapabilities()
            #expect(output7.pairs.isEmpty == false)
            fake.fault = .timeout
            fake.hangDuration = .seconds(2)
            let slow = BackendFactory.make(backendSettings(kind, fake.baseURL) { $0.timeout = .milliseconds(200) }, httpClient: testHTTPClient)
            let (error, elapsed) = await failure { try await slow.probeHealth() }
            #expect(error == .timeout)
            #expect(elapsed < .milliseconds(500))
        }
    }

    /// `HTTPClient.shared` retries refused connections until the deadline, so a refusal is
    /// only reported then (as the connection error, or as a timeout when the deadline race
    /// wins); ``BackendFactory/makeHTTPClient(connectTimeout:maxConnectionsPerHost:)`` fails at once.
    @Test func theSharedClientReportsARefusalByTheDeadline() async throws {
        let url = try await FakeServerControl.closedPortURL()
        let backend = BackendFactory.make(backendSettings(.libreTranslate, url), httpClient: .shared)
        let (error, elapsed) = await failure { try await backend.translate([Self.text], pair: enES, format: .text, timeout: .milliseconds(300)) }
        #expect(error?.code == "backend_unavailable" || error == .timeout, "\(String(describing: error))")
        #expect(elapsed < .seconds(1))
    }
}
