import Synchronization
import TranslationBackends

/// The route plans of recent cache hits, so that a repeated text is not planned afresh.
///
/// Planning a pair (ranking, capability filtering, sorting by availability and latency)
/// was about a tenth of a cached `/v1/translate` on a release build under `wrk`. A plan is
/// reused while nothing it depends on has changed: the monitor's ``BackendMonitor/planVersion``
/// (bumped when a breaker changes state or a backend's pairs are discovered) is the same,
/// and it is younger than ``lifetime`` — breakers reopen for trials and latencies drift with
/// time alone, so no plan outlives a second. Only the cache-hit path uses it; a miss plans
/// afresh before calling any backend.
final class RoutePlanMemo: Sendable {
    static let lifetime: Duration = .seconds(1)
    /// Plans kept at most; past it the memo starts over (pairs are finite, this only bounds
    /// a pathological mix).
    static let capacity = 4096

    private struct Plan {
        var routes: [TranslationRoute]
        var version: UInt64
        var expires: ContinuousClock.Instant
    }
    private let plans = Mutex<[LanguagePair: Plan]>([:])

    /// The kept plan for `pair`, if it is still good at `version` and `now`.
    func routes(for pair: LanguagePair, version: UInt64, now: ContinuousClock.Instant) -> [TranslationRoute]? {
        plans.withLock { plans in
            guard let plan = plans[pair], plan.version == version, now < plan.expires else { return nil }
            return plan.routes
        }
    }

    /// Keeps `routes` as the plan for `pair` made at `version` and `now`.
    func keep(_ routes: [TranslationRoute], for pair: LanguagePair, version: UInt64, now: ContinuousClock.Instant) {
        plans.withLock { plans in
            if plans.count >= Self.capacity { plans.removeAll(keepingCapacity: true) }
            plans[pair] = Plan(routes: routes, version: version, expires: now + Self.lifetime)
        }
    }
}
