import TranslationBackends

/// Why one text could not be translated into one target. Each case has one stable code; the
/// API puts it in that target's `errors` entry (and answers 503 when nothing succeeded).
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every backend that could serve the pair failed; `last` is the last failure seen.
    case backendsFailed(backend: String, last: BackendError, retryAfterSeconds: Int)
    /// No configured backend serves this pair (not even by pivoting).
    case noRoute(LanguagePair)
    /// Every backend for the pair is unhealthy (circuit open) right now.
    case backendsUnavailable(LanguagePair, backends: [String], retryAfterSeconds: Int)
    /// The lane's queue is full.
    case overloaded(lane: PriorityLane, retryAfterSeconds: Int)
    /// The deadline passed while waiting.
    case timedOut
    /// Protected spans or facets could not be kept (should not happen; never returns source text).
    case protectionFailed(String)

    public var code: String {
        switch self {
        case .backendsFailed(_, let last, _): last.code
        case .noRoute: "unsupported_pair"
        case .backendsUnavailable: "backend_unavailable"
        case .overloaded: "overloaded"
        case .timedOut: "timeout"
        case .protectionFailed: "formatting_failed"
        }
    }

    /// Seconds after which trying again may succeed, when that is known.
    public var retryAfterSeconds: Int? {
        switch self {
        case .backendsFailed(_, _, let seconds), .backendsUnavailable(_, _, let seconds), .overloaded(_, let seconds): seconds
        case .timedOut: 1
        case .noRoute, .protectionFailed: nil
        }
    }

    /// The backend involved, when there is one.
    public var backend: String? {
        switch self {
        case .backendsFailed(let backend, _, _): backend
        case .backendsUnavailable(_, let backends, _): backends.joined(separator: ",")
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .backendsFailed(let backend, let last, _): "translation failed on backend '\(backend)': \(last)"
        case .noRoute(let pair): "no configured backend translates \(pair)"
        case .backendsUnavailable(let pair, let backends, _):
            "every backend for \(pair) is unavailable right now (\(backends.joined(separator: ", ")))"
        case .overloaded(let lane, _): "too much \(lane.rawValue) work is queued; try again shortly"
        case .timedOut: "the translation did not finish before the deadline"
        case .protectionFailed(let reason): "protected spans could not be kept through translation: \(reason)"
        }
    }
}
