import BackendFakes
import Languages
import Testing
import TranslationBackends
@testable import TranslationEngine

@Suite("Circuit breaker and health")
struct BreakerAndHealthTests {
    @Test func breakerOpensAfterConsecutiveFailuresThenHalfOpensAndCloses() async throws {
        let lt = libreTranslateLike(), nllb = nllbLike()
        lt.fault = .fail(.serverError(status: 500, message: "down"))
        let engine = makeEngine([lt, nllb])  // threshold 3, cooldown 300 ms
        for index in 0..<3 {
            _ = await engine.translate("Hello friend number \(index)", from: .language(.english), to: [.spanish])
        }
        #expect(lt.calls == 3)
        // Open: lt is skipped entirely.
        for index in 0..<5 {
            let result = await engine.translate("Another message \(index)", from: .language(.english), to: [.spanish])
            #expect(result.results[.spanish]?.value?.backend == "nllb")
        }
        #expect(lt.calls == 3)
        let statuses = await engine.monitor.backendStatuses()
        #expect(statuses.first { $0.name == "lt" }?.state == .unhealthy)
        #expect(statuses.first { $0.name == "lt" }?.breaker == "open")
        // After the cooldown one trial goes through; it succeeds and closes the breaker.
        lt.fault = .none
        try await Task.sleep(for: .milliseconds(350))
        let trial = await engine.translate("A trial message", from: .language(.english), to: [.spanish])
        #expect(trial.results[.spanish]?.value?.backend == "lt")
        #expect(lt.calls == 4)
        let after = await engine.monitor.backendStatuses()
        #expect(after.first { $0.name == "lt" }?.breaker == "closed")
        #expect(after.first { $0.name == "lt" }?.state == .healthy)
    }

    @Test func failedTrialReopens() async throws {
        let lt = libreTranslateLike()
        lt.fault = .fail(.timeout)
        let engine = makeEngine([lt])
        for index in 0..<3 { _ = await engine.translate("Hello friend \(index)", from: .language(.english), to: [.spanish]) }
        try await Task.sleep(for: .milliseconds(350))
        _ = await engine.translate("trial message here", from: .language(.english), to: [.spanish])
        #expect(lt.calls == 4)
        let blocked = await engine.translate("blocked message here", from: .language(.english), to: [.spanish])
        #expect(lt.calls == 4)
        #expect(blocked.results[.spanish]?.error?.code == "backend_unavailable")
        #expect(blocked.results[.spanish]?.error?.retryAfterSeconds != nil)
    }

    @Test func probesReportHealthAndPairs() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        nllb.healthy = false
        let engine = makeEngine([lt, nllb])
        #expect(await engine.monitor.backendStatuses().allSatisfy { $0.state == .unknown })
        await engine.monitor.probeAll()
        let statuses = await engine.monitor.backendStatuses()
        #expect(statuses.first { $0.name == "lt" }?.state == .healthy)
        #expect(statuses.first { $0.name == "lt" }?.pairs.contains("en-es") == true)
        #expect(statuses.first { $0.name == "lt" }?.pairs.contains("en-sw") == false)
        #expect(statuses.first { $0.name == "nllb" }?.state == .unhealthy)
    }
}
