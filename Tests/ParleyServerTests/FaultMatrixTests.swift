import AsyncHTTPClient
import BackendFakes
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceConfiguration
import Testing
import TranslationBackends

/// Every way a real MT server misbehaves × every kind of request, through the real backend
/// clients over loopback, with and without a healthy second backend. Without one the answer
/// is an honest error — the mode's code, the failing backend named, a retry hint, within the
/// deadline, never the source text posing as a translation; with one the request fails over.
/// Either way nothing failed is cached: once the fault clears, the same request reaches the
/// backend again and gets its real translation.
@Suite("Fault matrix: failure modes × request kinds × a healthy peer or none")
struct FaultMatrixTests {
    typealias Mode = FaultScenario.Mode
    typealias Kind = FaultScenario.Kind

    static let backendTimeout: Duration = .milliseconds(400)
    static let requestTimeout: Duration = .seconds(2)
    static let client = BackendFactory.makeHTTPClient(connectTimeout: .milliseconds(300))

    @Test(arguments: Mode.allCases, Kind.allCases)
    func withoutAPeerTheErrorIsHonest(mode: Mode, kind: Kind) async throws {
        try await run(mode: mode, kind: kind, peer: false)
    }

    @Test(arguments: Mode.allCases, Kind.allCases)
    func withAHealthyPeerTheRequestFailsOver(mode: Mode, kind: Kind) async throws {
        try await run(mode: mode, kind: kind, peer: true)
    }

    func run(mode: Mode, kind: Kind, peer: Bool) async throws {
        let lt = try await FakeLibreTranslate.start()
        let nllb = peer ? try await FakeNLLBAPI.start() : nil
        defer { Task { await lt.stop(); await nllb?.stop() } }
        var backends = [BackendSettings(name: "lt", kind: .libreTranslate, url: lt.baseURL)]
        if let nllb { backends.append(BackendSettings(name: "nllb", kind: .nllbAPI, url: nllb.baseURL)) }
        for index in backends.indices { backends[index].timeout = Self.backendTimeout }
        let server = try TestService(configure: { configuration in
            configuration.translation.requestTimeout = Self.requestTimeout
            configuration.translation.breakerThreshold = 1_000 // the codes of the mode, not of an open circuit
            configuration.auth.rateLimit.requestsPerSecond = 0
        }, backends: backends.map { BackendFactory.make($0, httpClient: Self.client) })
        try await server.test { client in
            // Discovery and health first, while every server is well.
            try await client.execute(uri: "/v1/languages", method: .get) { _ in }
            await mode.apply(to: lt)
            let start = ContinuousClock.now
            try await client.execute(uri: kind.uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: kind.body)) { response in
                let elapsed = start.duration(to: .now)
                #expect(elapsed < Self.requestTimeout + .milliseconds(800), "\(mode) × \(kind): answered after \(elapsed)")
                let text = String(buffer: response.body)
                if peer {
                    #expect(response.status == .ok, "\(mode) × \(kind): \(text)")
                    #expect(kind == .dropIn || text.contains(#""nllb""#), "\(mode) × \(kind) did not name the peer: \(text)")
                } else {
                    #expect(response.status == .serviceUnavailable, "\(mode) × \(kind): \(text)")
                    #expect(response.headers[.retryAfter] != nil, "\(mode) × \(kind): no Retry-After")
                    if mode == .rateLimited { #expect(response.headers[.retryAfter] == "7", "the backend's own hint is passed on") }
                    if kind != .dropIn {
                        #expect(text.contains(#""code":"\#(mode.code)""#), "\(mode) × \(kind): \(text)")
                        #expect(text.contains(#""backend":"lt""#), "\(mode) × \(kind): \(text)")
                    }
                }
                // The source text never poses as a translation.
                #expect(!text.contains(#""text":"Good morning friends""#) && !text.contains(#""translatedText":"Good morning friends""#), "\(mode) × \(kind): \(text)")
            }
            // Nothing failed was cached: with the fault gone the backend is asked again.
            try await mode.clear(on: lt)
            guard !peer else { return }
            let before = lt.requestCount
            try await client.execute(uri: kind.uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: kind.body)) { response in
                #expect(response.status == .ok, "\(mode) × \(kind) after the fault: \(String(buffer: response.body))")
                #expect(String(buffer: response.body).contains("[es]"), "\(mode) × \(kind) after the fault: \(String(buffer: response.body))")
            }
            #expect(lt.requestCount > before, "\(mode) × \(kind): answered from a cached failure")
        }
    }
}
