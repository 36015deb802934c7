import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Languages
import Logging
import NIOCore
import ParleyServer
import ServiceConfiguration
import Storage
import Testing
import TranslationBackends
import TranslationEngine

/// The engine (and a ParleyService over it) routing between real LibreTranslate and the real
/// CTranslate2 NLLB replica: defaults, configured preferences, pivoting, and failover when
/// LibreTranslate is killed mid-run and started again.
extension InteropTests {
    @Suite("Routing over real servers", .serialized)
    struct Routing {
        func backends(_ servers: Interop.Servers, nllbKind: BackendKind = .nllbAPI) -> [BackendSettings] {
            [
                Interop.settings("lt", .libreTranslate, servers.libreTranslate),
                Interop.settings("nllb", nllbKind, nllbKind == .nllbAPI ? servers.nllbAPI : servers.nllbServe),
            ]
        }

        @Test func defaultsSendHausaToNLLBAndSpanishToLibreTranslate() async throws {
            let engine = Interop.engine(backends(try Interop.servers()))
            await engine.monitor.probeAll()
            let result = await engine.translate("Hello everyone", from: .language(.english), to: [.spanish, .hausa, .arabic, .swahili])
            #expect(result.results[.spanish]?.value == TranslatedText(text: "[es] Hello everyone", backend: "lt", cached: false, unchanged: false))
            #expect(result.results[.arabic]?.value == TranslatedText(text: "[ar] Hello everyone", backend: "lt", cached: false, unchanged: false))
            #expect(result.results[.hausa]?.value == TranslatedText(text: "[hau_Latn][eng_Latn] Hello everyone", backend: "nllb", cached: false, unchanged: false))
            #expect(result.results[.swahili]?.value?.text == "[swh_Latn][eng_Latn] Hello everyone")
            #expect(result.results[.swahili]?.value?.backend == "nllb")
        }

        @Test func nllbServeWorksAsTheNLLBBackend() async throws {
            let engine = Interop.engine(backends(try Interop.servers(), nllbKind: .nllbServe))
            await engine.monitor.probeAll()
            let result = await engine.translate("Hello everyone. How are you?", from: .language(.english), to: [.hausa, .spanish])
            #expect(result.results[.hausa]?.value?.text == "[hau_Latn] Hello everyone. [hau_Latn] How are you?")
            #expect(result.results[.hausa]?.value?.backend == "nllb")
            #expect(result.results[.spanish]?.value?.text == "[es] Hello everyone. [es] How are you?")
        }

        @Test func irishToSpanishGoesToNLLBByDefault() async throws {
            let engine = Interop.engine(backends(try Interop.servers()))
            let result = await engine.translate("Dia duit, a chairde", from: .language(.irish), to: [.spanish])
            #expect(result.results[.spanish]?.value?.backend == "nllb")
            #expect(result.results[.spanish]?.value?.text == "[spa_Latn][eng_Latn] Dia duit, a chairde")
        }

        @Test func irishToSpanishOnLibreTranslateWhenConfigured() async throws {
            // LibreTranslate has no ga→es package: it pivots through English itself.
            let engine = Interop.engine(backends(try Interop.servers())) { $0.routing.preferences = ["ga-es": ["lt", "nllb"]] }
            let result = await engine.translate("Dia duit, a chairde", from: .language(.irish), to: [.spanish])
            #expect(result.results[.spanish]?.value?.backend == "lt")
            #expect(result.results[.spanish]?.value?.text == "[es] [en] Dia duit, a chairde")
        }

        @Test func parleyPivotsWhenTheConfiguredBackendLacksThePair() async throws {
            // ha→es only on LibreTranslate, which has no Hausa: Parley pivots through English,
            // ha→en on NLLB and en→es on LibreTranslate.
            let engine = Interop.engine(backends(try Interop.servers())) { $0.routing.preferences = ["ha-es": ["lt"]] }
            let result = await engine.translate("Sannu abokai", from: .language(.hausa), to: [.spanish])
            #expect(result.results[.spanish]?.value?.backend == "nllb+lt")
            // LibreTranslate's own post-processing turns the "_" of the NLLB tags into spaces.
            #expect(result.results[.spanish]?.value?.text == "[es] [eng Latn][eng Latn] Sannu abokai")
        }

        @Test func noBackendForThePairIsAnHonestError() async throws {
            let engine = Interop.engine([Interop.settings("lt", .libreTranslate, try Interop.servers().libreTranslate)])
            let result = await engine.translate("Hello everyone", from: .language(.english), to: [.hausa])
            #expect(result.results[.hausa]?.error?.code == "unsupported_pair")
            #expect(result.results[.hausa]?.value == nil)
        }
    }

    /// Kills the main LibreTranslate mid-run (`harness stop-libretranslate`), checks failover
    /// and `/readyz`, restarts it (`start-libretranslate`, same port) and waits, bounded, for
    /// the breaker to close. LibreTranslate is started again even when a check fails.
    @Suite("Failover when LibreTranslate dies", .serialized)
    struct Failover {
        struct Readiness: Decodable {
            struct Backend: Decodable {
                var name: String
                var state: String
                var breaker: String?
                var detail: String?
            }
            var status: String
            var backends: [Backend]

            func backend(_ name: String) -> Backend? { backends.first { $0.name == name } }
        }

        struct TranslateReply: Decodable {
            struct Translation: Decodable {
                var text: String
                var backend: String?
            }
            struct Item: Decodable {
                var translations: [String: Translation]
            }
            var results: [Item]
        }

        static func service(_ servers: Interop.Servers) throws -> ParleyService {
            var configuration = ParleyConfiguration()
            configuration.server.port = 0
            configuration.cache.enabled = false
            configuration.translation.probeInterval = .milliseconds(300)
            configuration.translation.breakerThreshold = 2
            configuration.translation.breakerCooldown = .seconds(1)
            configuration.translation.requestTimeout = .seconds(20)
            configuration.backends = [
                Interop.settings("lt", .libreTranslate, servers.libreTranslate, timeout: .seconds(5)),
                Interop.settings("nllb", .nllbAPI, servers.nllbAPI, timeout: .seconds(5)),
            ]
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-interop-\(UUID().uuidString)").path
            let store = try SQLiteStore(directory: directory)
            return try ParleyService(
                configuration: configuration, store: store, logger: Interop.quietLogger,
                backends: configuration.backends.map(Interop.backend), detection: LibreTranslateClient.detection)
        }

        static func readiness(_ client: any TestClientProtocol) async throws -> (HTTPResponse.Status, Readiness) {
            let response = try await client.execute(uri: "/readyz", method: .get, headers: [:], body: nil)
            return (response.status, try JSONDecoder().decode(Readiness.self, from: Data(buffer: response.body)))
        }

        static func translate(_ client: any TestClientProtocol, _ text: String, to target: String) async throws -> TranslateReply.Translation? {
            let body = #"{"texts":["\#(text)"],"source":"en","targets":["\#(target)"]}"#
            let response = try await client.execute(uri: "/v1/translate", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            let reply = try JSONDecoder().decode(TranslateReply.self, from: Data(buffer: response.body))
            return reply.results.first?.translations[target]
        }

        static func harness(_ command: String) async throws {
            let result = try await Interop.run(try Interop.servers().harness, [command], timeout: .seconds(60))
            try #require(result.status == 0, "harness \(command) failed: \(result.output)")
        }

        @Test func killAndRestartLibreTranslate() async throws {
            let servers = try Interop.servers()
            let service = try Self.service(servers)
            let monitor = service.engine.monitor
            // The probes `parley serve` runs (the router test mode runs only the routes).
            let probes = Task { await monitor.runProbes() }
            defer { probes.cancel() }
            let stopped = Flag()
            do {
                try await service.makeApplication().test(.router) { client in
                    let up = await Interop.eventually(timeout: .seconds(15)) {
                        (try? await Self.readiness(client)).map { $0.0 == .ok && $0.1.backends.allSatisfy { $0.state == "healthy" } } ?? false
                    }
                    let upState = up ? "" : String(describing: try? await Self.readiness(client).1)
                    try #require(up, "backends not healthy: \(upState)")
                    let before = try await Self.translate(client, "Hello before the outage", to: "es")
                    #expect(before?.backend == "lt")
                    #expect(before?.text == "[es] Hello before the outage")

                    try await Self.harness("stop-libretranslate")
                    stopped.set(true)
                    let during = try await Self.translate(client, "Hello during the outage", to: "es")
                    #expect(during?.backend == "nllb")
                    #expect(during?.text == "[spa_Latn][eng_Latn] Hello during the outage")
                    let ha = try await Self.translate(client, "Hello during the outage", to: "ha")
                    #expect(ha?.backend == "nllb")

                    // The failed call and the probes (every 300 ms) open the breaker (threshold 2).
                    let shown = await Interop.eventually(timeout: .seconds(10)) {
                        (try? await Self.readiness(client)).map {
                            $0.0 == .ok && $0.1.backend("lt")?.state == "unhealthy" && $0.1.backend("lt")?.breaker != "closed"
                        } ?? false
                    }
                    let down = try await Self.readiness(client)
                    #expect(shown, "lt not shown unhealthy: \(down.1)")
                    #expect(down.1.status == "ready", "NLLB still serves, so Parley stays ready")
                    #expect(down.1.backend("lt")?.breaker == "open" || down.1.backend("lt")?.breaker == "half_open")
                    #expect(down.1.backend("nllb")?.state == "healthy")

                    try await Self.harness("start-libretranslate")
                    stopped.set(false)
                    let closed = await Interop.eventually(timeout: .seconds(20)) {
                        (try? await Self.readiness(client)).map { $0.1.backend("lt")?.state == "healthy" && $0.1.backend("lt")?.breaker == "closed" } ?? false
                    }
                    let closedState = closed ? "" : String(describing: try? await Self.readiness(client).1)
                    #expect(closed, "lt breaker did not close: \(closedState)")
                    let after = try await Self.translate(client, "Hello after the outage", to: "es")
                    #expect(after?.backend == "lt")
                    #expect(after?.text == "[es] Hello after the outage")
                }
            } catch {
                if stopped.value { try? await Self.harness("start-libretranslate") }
                throw error
            }
            if stopped.value { try await Self.harness("start-libretranslate") }
        }
    }
}
