import Languages
import ServiceConfiguration
import Synchronization
import TranslationBackends

/// A `TranslationBackend` that runs in the test process — no HTTP — with a configurable
/// latency, pairs, limits and faults, and counters of the calls and batch sizes it saw.
/// Used by engine tests and by the benchmark's zero-latency backend.
public final class InProcessBackend: TranslationBackend, Sendable {
    public enum Fault: Sendable, Equatable {
        case none
        case fail(BackendError)
        case echo
        /// Works for `n` more calls, then fails with `.serverError`.
        case failAfter(Int)
    }

    public let settings: BackendSettings
    public let pairs: Set<LanguagePair>
    /// Whether every text and batch size is kept for ``receivedTexts`` and ``batchSizes``:
    /// tests read them; a long benchmark turns it off, or the fake's own record is what grows.
    public let records: Bool
    private let state: Mutex<State>

    struct State {
        var fault: Fault = .none
        var latency: Duration
        var calls = 0
        var batchSizes: [Int] = []
        var texts: [String] = []
        var healthy = true
        var inFlight = 0
        var maxInFlight = 0
        var transform: (@Sendable (String, LanguagePair) -> String)?
    }

    /// - Parameters:
    ///   - name: backend name; `kind` decides default routing preferences.
    ///   - pairs: what it serves (default: all 56 pairs).
    ///   - latency: time each call takes.
    ///   - records: keep every text and batch size (see ``records``).
    public init(
        name: String, kind: BackendKind = .nllbAPI, pairs: Set<LanguagePair> = Set(LanguagePair.all),
        latency: Duration = .zero, maxConcurrency: Int = 4, maxBatchSize: Int = 16, timeout: Duration = .seconds(5),
        records: Bool = true
    ) {
        self.records = records
        var settings = BackendSettings(name: name, kind: kind, url: "http://in-process/\(name)")
        settings.maxConcurrency = maxConcurrency
        settings.maxBatchSize = maxBatchSize
        settings.timeout = timeout
        self.settings = settings
        self.pairs = pairs
        self.state = Mutex(State(latency: latency))
    }

    public var batchLimit: Int { settings.maxBatchSize }

    public var fault: Fault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    public var latency: Duration {
        get { state.withLock { $0.latency } }
        set { state.withLock { $0.latency = newValue } }
    }

    /// A custom "translation" (default: ``render(_:pair:backend:)``), e.g. one that mangles markers.
    public var transform: (@Sendable (String, LanguagePair) -> String)? {
        get { state.withLock { $0.transform } }
        set { state.withLock { $0.transform = newValue } }
    }

    /// Whether health probes succeed.
    public var healthy: Bool {
        get { state.withLock { $0.healthy } }
        set { state.withLock { $0.healthy = newValue } }
    }

    /// Calls to `translate` so far.
    public var calls: Int { state.withLock { $0.calls } }
    /// Texts per call, in call order.
    public var batchSizes: [Int] { state.withLock { $0.batchSizes } }
    /// Every text received, in order.
    public var receivedTexts: [String] { state.withLock { $0.texts } }
    /// The most calls that were running at once.
    public var maxConcurrentCalls: Int { state.withLock { $0.maxInFlight } }

    /// The deterministic "translation": the target tag before the text.
    public static func render(_ text: String, pair: LanguagePair, backend: String) -> String {
        "[\(pair.target.code)|\(backend)] \(text)"
    }

    public func discoverCapabilities() async throws(BackendError) -> BackendCapabilities {
        guard healthy else { throw .connectionFailed("in-process backend is down") }
        return BackendCapabilities(pairs: pairs)
    }

    public func probeHealth() async throws(BackendError) {
        guard healthy else { throw .connectionFailed("in-process backend is down") }
    }

    public func translate(_ texts: [String], pair: LanguagePair, format: TextFormat, timeout: Duration) async throws(BackendError) -> [String] {
        let transform = state.withLock { $0.transform }
        let (fault, latency) = state.withLock { state -> (Fault, Duration) in
            state.calls += 1
            if records {
                state.batchSizes.append(texts.count)
                state.texts.append(contentsOf: texts)
            }
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            let fault = state.fault
            if case .failAfter(let remaining) = fault {
                state.fault = remaining <= 1 ? .fail(.serverError(status: 500, message: "failing now")) : .failAfter(remaining - 1)
                return (.none, state.latency)
            }
            return (fault, state.latency)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        guard pairs.contains(pair) else { throw .unsupportedPair(pair) }
        if latency > .zero {
            if latency > timeout {
                try? await Task.sleep(for: timeout)
                throw .timeout
            }
            try? await Task.sleep(for: latency)
        }
        switch fault {
        case .none, .failAfter:
            if let transform { return texts.map { transform($0, pair) } }
            return texts.map { Self.render($0, pair: pair, backend: settings.name) }
        case .echo: return texts
        case .fail(let error): throw error
        }
    }
}
