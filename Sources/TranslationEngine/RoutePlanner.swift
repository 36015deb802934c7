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

    static let lowResource: Set<Language> = [.irish, .swahili, .hausa]

    /// Backend names ranked for `pair` (lower rank first), before capability filtering.
    func rankedBackends(for pair: LanguagePair) -> [(name: String, rank: Int)] {
        if let preferred = configuredPreference(for: pair) {
            return preferred.enumerated().map { ($1, $0) }
        }
        return monitor.backends.map { backend in
            (backend.settings.name, defaultRank(kind: backend.settings.kind, pair: pair))
        }
    }

    func defaultRank(kind: BackendKind, pair: LanguagePair) -> Int {
        let isNLLB = kind != .libreTranslate
        if Self.lowResource.contains(pair.source) || Self.lowResource.contains(pair.target) {
            return isNLLB ? 0 : 1
        }
        if pair.source == .english || pair.target == .english {
            return isNLLB ? 1 : 0
        }
        return isNLLB ? 0 : 1
    }

    func configuredPreference(for pair: LanguagePair) -> [String]? {
        let candidates = ["\(pair.source.code)-\(pair.target.code)", "\(pair.source.code)-*", "*-\(pair.target.code)", "*-*"]
        for pattern in candidates {
            if let names = settings.preferences[pattern] { return names }
        }
        return nil
    }

    /// The routes to try for `pair`, best first: direct routes on backends that serve it,
    /// then pivot routes. Backends with an open circuit are kept (last) so that the caller
    /// can tell "unavailable" from "no route".
    func routes(for pair: LanguagePair) async -> [TranslationRoute] {
        let direct = await servingBackends(for: pair)
        var routes = direct.map { TranslationRoute.direct(backend: $0) }
        guard let pivot = Language(rawValue: settings.pivot), pivot != pair.source, pivot != pair.target else { return routes }
        let firstLeg = LanguagePair(pair.source, pivot)
        let secondLeg = LanguagePair(pivot, pair.target)
        let firsts = await servingBackends(for: firstLeg)
        let seconds = await servingBackends(for: secondLeg)
        for first in firsts {
            for second in seconds {
                let route = TranslationRoute.pivot(first: first, through: pivot, second: second)
                if !routes.contains(route), !(first == second && direct.contains(first)) { routes.append(route) }
            }
        }
        return routes
    }

    /// Backends that serve `pair`, in preference order, available ones first.
    func servingBackends(for pair: LanguagePair) async -> [String] {
        var serving: [(name: String, rank: Int)] = []
        for (name, rank) in rankedBackends(for: pair) where monitor.backend(named: name) != nil {
            if await monitor.pairs(of: name).contains(pair) { serving.append((name, rank)) }
        }
        return serving.sorted { lhs, rhs in
            let lhsUp = monitor.isAvailable(lhs.name), rhsUp = monitor.isAvailable(rhs.name)
            if lhsUp != rhsUp { return lhsUp }
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            return monitor.latency(lhs.name) < monitor.latency(rhs.name)
        }.map(\.name)
    }
}
