import AsyncHTTPClient
import BackendFakes
import Languages
import Logging
import Prometheus
import ServiceConfiguration
import Testing
import TranslationBackends
@testable import TranslationEngine

/// The engine over the real backend clients and the in-process fake servers that speak the
/// real protocols: routing, failover, breaker and batching across HTTP.
@Suite("Engine over real clients and fake servers", .serialized)
struct HTTPBackendsTests {
    static let client = BackendFactory.makeHTTPClient()

    func engine(_ settings: [BackendSettings], configure: (inout ParleyConfiguration) -> Void = { _ in }) -> TranslationEngine {
        var configuration = ParleyConfiguration()
        configuration.translation.breakerThreshold = 2
        configuration.translation.breakerCooldown = .milliseconds(500)
        configure(&configuration)
        var logger = Logger(label: "engine-http-test")
        logger.logLevel = .critical
        return TranslationEngine(
            backends: settings.map { BackendFactory.make($0, httpClient: Self.client) }, configuration: configuration, store: nil,
            detector: FixedDetector(), registry: PrometheusCollectorRegistry(), logger: logger)
    }

    func settings(_ name: String, _ kind: BackendKind, _ url: String, timeout: Duration = .seconds(3)) -> BackendSettings {
        var settings = BackendSettings(name: name, kind: kind, url: url)
        settings.timeout = timeout
        return settings
    }

    @Test func routesAcrossRealProtocols() async throws {
        try await FakeLibreTranslate.withServer { lt in
            try await FakeNLLBAPI.withServer { nllb in
                let engine = engine([settings("lt", .libreTranslate, lt.baseURL), settings("nllb", .nllbAPI, nllb.baseURL)])
                await engine.monitor.probeAll()
                let result = await engine.translate("Hello everyone", from: .language(.english), to: [.spanish, .hausa])
                #expect(result.results[.spanish]?.value?.text == "[es] Hello everyone")
                #expect(result.results[.spanish]?.value?.backend == "lt")
                #expect(result.results[.hausa]?.value?.text == "[hau_Latn] Hello everyone")
                #expect(result.results[.hausa]?.value?.backend == "nllb")
                #expect(lt.requests.allSatisfy { $0.path != "/translate" || !String(decoding: $0.body, as: UTF8.self).contains("\"ha\"") })
            }
        }
    }

    @Test("LibreTranslate failures fail over to NLLB", arguments: [FakeFault.serverError, .malformedJSON, .rateLimited(retryAfter: 2), .echo])
    func failover(fault: FakeFault) async throws {
        try await FakeLibreTranslate.withServer { lt in
            try await FakeNLLBAPI.withServer { nllb in
                let engine = engine([settings("lt", .libreTranslate, lt.baseURL), settings("nllb", .nllbAPI, nllb.baseURL)])
                await engine.monitor.probeAll()
                lt.faultsHitOnlyTranslations = true
                lt.fault = fault
                let result = await engine.translate("Hello everyone in the room", from: .language(.english), to: [.spanish])
                #expect(result.results[.spanish]?.value?.backend == "nllb", "\(fault)")
                #expect(result.results[.spanish]?.value?.text == "[spa_Latn] Hello everyone in the room")
                #expect(lt.requestCount == 1)
            }
        }
    }

    @Test func timeoutFailsOverWithinTheDeadline() async throws {
        try await FakeLibreTranslate.withServer { lt in
            try await FakeNLLBAPI.withServer { nllb in
                let engine = engine([settings("lt", .libreTranslate, lt.baseURL, timeout: .milliseconds(300)), settings("nllb", .nllbAPI, nllb.baseURL)])
                await engine.monitor.probeAll()
                lt.faultsHitOnlyTranslations = true
                lt.fault = .timeout
                let result = await engine.translate("Hello everyone in the room", from: .language(.english), to: [.spanish])
                #expect(result.results[.spanish]?.value?.backend == "nllb")
            }
        }
    }

    @Test func deadServerOpensTheBreakerAndRecovers() async throws {
        try await FakeLibreTranslate.withServer { lt in
            try await FakeNLLBAPI.withServer { nllb in
                let engine = engine([settings("lt", .libreTranslate, lt.baseURL), settings("nllb", .nllbAPI, nllb.baseURL)])
                await engine.monitor.probeAll()
                await lt.stop()
                for index in 0..<4 {
                    let result = await engine.translate("Message \(index) for everyone", from: .language(.english), to: [.spanish])
                    #expect(result.results[.spanish]?.value?.backend == "nllb")
                }
                let statuses = await engine.monitor.backendStatuses()
                #expect(statuses.first { $0.name == "lt" }?.breaker == "open")
                try await lt.restart()
                try await Task.sleep(for: .milliseconds(600))
                let recovered = await engine.translate("Back again everyone", from: .language(.english), to: [.spanish])
                #expect(recovered.results[.spanish]?.value?.backend == "lt")
                #expect(await engine.monitor.backendStatuses().first { $0.name == "lt" }?.breaker == "closed")
            }
        }
    }

    @Test func everyBackendDownIsAnHonestFailure() async throws {
        let closed = try await FakeServerControl.closedPortURL()
        let engine = engine([settings("lt", .libreTranslate, closed), settings("nllb", .nllbAPI, closed)])
        let result = await engine.translate("Hello everyone in the room", from: .language(.english), to: [.spanish])
        let error = try #require(result.results[.spanish]?.error)
        #expect(["backend_unavailable", "unsupported_pair"].contains(error.code))
        #expect(result.results[.spanish]?.value == nil)
    }

    @Test func nllbServeGetsBatchesUnderLoad() async throws {
        try await FakeNLLBServe.withServer { serve in
            var backend = settings("serve", .nllbServe, serve.baseURL)
            backend.maxConcurrency = 1
            backend.maxBatchSize = 16
            serve.fault = .delay(.milliseconds(100))
            let engine = engine([backend])
            let texts = (0..<20).map { "Message number \($0)." }
            let results = await engine.translate(texts, from: .language(.english), to: [.hausa], lane: .bulk)
            #expect(results.allSatisfy { $0.results[.hausa]?.value != nil })
            for (text, result) in zip(texts, results) {
                #expect(result.results[.hausa]?.value?.text == "[hau_Latn] \(text)")
            }
            #expect(serve.requestCount <= 4, "batch sizes \(serve.batchSizes)")
            #expect((serve.batchSizes.max() ?? 0) > 1)
        }
    }
}
