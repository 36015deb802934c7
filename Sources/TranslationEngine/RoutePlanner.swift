import Languages
import ServiceConfiguration
import TranslationBackends

/// Decides which backends may translate a pair, best first.
///
/// Preferences come from configuration (`routing.preferences`, patterns like `en-es`, `*-ha`,
/// `ga-*`, `*-*`, the most specific matching pattern wins) or else from Parley's defaults:
/// pairs involving Irish, Swahili or Hausa go to NLLB; English ↔ Spanish/Russian/Arabic/
/// Ukrainian go to LibreTranslate first and NLLB second; other pairs go directly to NLLB,
/// then LibreTranslate. A backend is only used for a pair it serves (discovered). When no
/// backend serves a pair directly, routes through the pivot language are added. Ties in
/// preference go to the backend with the lower measured latency.
struct RoutePlanner: Sendable {
    let settings: RoutingSettings
    let monitor: BackendMonitor
    /// ``rankedBackends(for:)`` of every pair, worked out once: configuration and the backend
    /// list do not change while Parley runs.
    private let rankings: [LanguagePair: [(name: String, rank: Int)]]
    /// Plans of the cache-hit path (``knownRoutes(for:)``).
    private let memo = RoutePlanMemo()

    static let lowResource: Set<Language> = [.irish, .swahili, .hausa]

    init(settings: RoutingSettings, monitor: BackendMonitor) {
        self.settings = settings
        self.monitor = monitor
        var rankings: [LanguagePair: [(name: String, rank: Int)]] = [:]
        for source in Language.allCases {
            for target in Language.allCases where source != target {
                let pair = LanguagePair(source, target)
                rankings[pair] = Self.rank(pair, settings: settings, backends: monitor.backends)
            }
        }
        self.rankings = rankings
    }

    /// Backend names ranked for `pair` (lower rank first), before capability filtering.
    func rankedBackends(for pair: LanguagePair) -> [(name: String, rank: Int)] {
        rankings[pair] ?? Self.rank(pair, settings: settings, backends: monitor.backends)
    }

    private static func rank(_ pair: LanguagePair, settings: RoutingSettings, backends: [any TranslationBackend]) -> [(name: String, rank: Int)] {
        if let preferred = configuredPreference(for: pair, settings: settings) {
            return preferred.enumerated().map { ($1, $0) }
        }
        return backends.map { backend in
            (backend.settings.name, defaultRank(kind: backend.settings.kind, pair: pair))
        }
    }

    static func defaultRank(kind: BackendKind, pair: LanguagePair) -> Int {
        let isNLLB = kind != .libreTranslate
        if Self.lowResource.contains(pair.source) || Self.lowResource.contains(pair.target) {
            return isNLLB ? 0 : 1
        }
        if pair.source == .english || pair.target == .english {
            return isNLLB ? 1 : 0
        }
        return isNLLB ? 0 : 1
    }

    static func configuredPreference(for pair: LanguagePair, settings: RoutingSettings) -> [String]? {
        let candidates = ["\(pair.source.code)-\(pair.target.code)", "\(pair.source.code)-*", "*-\(pair.target.code)", "*-*"]
        for pattern in candidates {
            if let names = settings.preferences[pattern] { return names }
        }
        return nil
    }

    /// The routes to try for `pair`, best first: direct routes on backends that serve it,
    /// then pivot routes. Backends with an open circuit are kept (last) so that the caller
    /// can tell "unavailable" from "no route". Discovers backends' pairs where still unknown.
    func routes(for pair: LanguagePair) async -> [TranslationRoute] {
        var pairsToRank = [pair]
        if let pivot = Language(rawValue: settings.pivot), pivot != pair.source, pivot != pair.target {
            pairsToRank += [LanguagePair(pair.source, pivot), LanguagePair(pivot, pair.target)]
        }
        var discovered: [String: Set<LanguagePair>] = [:]
        for name in pairsToRank.flatMap({ rankedBackends(for: $0).map(\.name) }) where discovered[name] == nil && monitor.backend(named: name) != nil {
            discovered[name] = await monitor.pairs(of: name)
        }
        return routes(for: pair) { discovered[$0] ?? [] }
    }

    /// Backends whose pairs are still unknown (their discovery failed: the server is down).
    func undiscoveredBackends() -> [String] {
        monitor.backends.map(\.settings.name).filter { monitor.knownPairs(of: $0) == nil }
    }

    /// The same routes without waiting for anything, or `nil` while some backend's pairs are
    /// still to be discovered (for the cache-hit fast path).
    /// Plans are reused for up to a second while no breaker changes state (``RoutePlanMemo``).
    func knownRoutes(for pair: LanguagePair) -> [TranslationRoute]? {
        let now = ContinuousClock.now
        let version = monitor.planVersion
        if let kept = memo.routes(for: pair, version: version, now: now) { return kept }
        var complete = true
        let routes = routes(for: pair) { name in
            guard let known = monitor.knownPairs(of: name) else {
                complete = false
                return []
            }
            return known
        }
        guard complete else { return nil }
        memo.keep(routes, for: pair, version: version, now: now)
        return routes
    }

    private func routes(for pair: LanguagePair, pairs: (String) -> Set<LanguagePair>) -> [TranslationRoute] {
        let direct = servingBackends(for: pair, pairs: pairs)
        var routes = direct.map { TranslationRoute.direct(backend: $0) }
        guard let pivot = Language(rawValue: settings.pivot), pivot != pair.source, pivot != pair.target else { return routes }
        let firsts = servingBackends(for: LanguagePair(pair.source, pivot), pairs: pairs)
        let seconds = servingBackends(for: LanguagePair(pivot, pair.target), pairs: pairs)
        for first in firsts {
            for second in seconds {
                let route = TranslationRoute.pivot(first: first, through: pivot, second: second)
                if !routes.contains(route), !(first == second && direct.contains(first)) { routes.append(route) }
            }
        }
        return routes
    }

    /// Backends that serve `pair`, in preference order, available ones first.
    private func servingBackends(for pair: LanguagePair, pairs: (String) -> Set<LanguagePair>) -> [String] {
        var serving: [(name: String, rank: Int)] = []
        for (name, rank) in rankedBackends(for: pair) where monitor.backend(named: name) != nil && pairs(name).contains(pair) {
            serving.append((name, rank))
        }
        return serving.sorted { lhs, rhs in
            let lhsUp = monitor.isAvailable(lhs.name), rhsUp = monitor.isAvailable(rhs.name)
            if lhsUp != rhsUp { return lhsUp }
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            return monitor.latency(lhs.name) < monitor.latency(rhs.name)
        }.map(\.name)
    }
}
