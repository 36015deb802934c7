import BackendFakes
import Languages
import Logging
import Prometheus
import ServiceConfiguration
import Testing
import TranslationBackends
@testable import TranslationEngine

/// The memo of cache-hit route plans: a plan is reused only at the monitor version it was made
/// at, and never past its lifetime.
@Suite struct RoutePlanMemoTests {
    let pair = LanguagePair(.english, .hausa)
    let routes: [TranslationRoute] = [.direct(backend: "nllb"), .direct(backend: "lt")]

    @Test func aPlanIsReusedAtTheSameVersionWithinItsLifetime() {
        let memo = RoutePlanMemo()
        let now = ContinuousClock.now
        memo.keep(routes, for: pair, version: 3, now: now)
        #expect(memo.routes(for: pair, version: 3, now: now + .milliseconds(999)) == routes)
        #expect(memo.routes(for: LanguagePair(.english, .spanish), version: 3, now: now) == nil)
    }

    @Test func aChangeOfVersionOrTheEndOfItsLifetimeRetiresIt() {
        let memo = RoutePlanMemo()
        let now = ContinuousClock.now
        memo.keep(routes, for: pair, version: 3, now: now)
        #expect(memo.routes(for: pair, version: 4, now: now) == nil, "a breaker changed state: plan afresh")
        #expect(memo.routes(for: pair, version: 3, now: now + RoutePlanMemo.lifetime) == nil, "older than its lifetime")
    }
}

/// What retires kept plans: the monitor's version moves when a breaker changes state.
@Suite struct PlanVersionTests {
    @Test func aBreakerOpeningAndClosingAgainMovesTheVersion() {
        var settings = TranslationSettings()
        settings.breakerThreshold = 2
        let monitor = BackendMonitor(
            backends: [InProcessBackend(name: "lt")], settings: settings,
            metrics: EngineMetrics(registry: PrometheusCollectorRegistry()), logger: Logger(label: "test"))
        let start = monitor.planVersion
        monitor.recordFailure("lt", error: .connectionFailed("refused"))
        #expect(monitor.planVersion == start, "one failure below the threshold changes nothing")
        monitor.recordFailure("lt", error: .connectionFailed("refused"))
        #expect(!monitor.isAvailable("lt"))
        let opened = monitor.planVersion
        #expect(opened != start, "the breaker opened")
        monitor.recordSuccess("lt", latency: .milliseconds(5))
        #expect(monitor.planVersion != opened, "the breaker closed again")
    }
}
