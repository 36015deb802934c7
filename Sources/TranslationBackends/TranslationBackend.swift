import Languages
import ServiceConfiguration

/// A machine-translation server Parley can send text to: LibreTranslate, nllb-api or
/// nllb-serve. One type per protocol conforms; the engine sees only this.
///
/// Implementations do one HTTP exchange per call (or, for servers without a batch endpoint,
/// a bounded set of concurrent ones), honour the timeout, and map every failure to a
/// ``BackendError``. They never return the source text as a stand-in for a translation.
public protocol TranslationBackend: Sendable {
    /// The backend's configuration (name, kind, URL, limits, model label).
    var settings: BackendSettings { get }

    /// The most texts one ``translate(_:pair:format:timeout:)`` call should carry: the
    /// configured `maxBatchSize`, or 1 for a server without a batch endpoint.
    var batchLimit: Int { get }

    /// Which language pairs the server serves now (from its own discovery endpoint where it
    /// has one, e.g. LibreTranslate's `GET /languages`).
    func discoverCapabilities() async throws(BackendError) -> BackendCapabilities

    /// A cheap request proving the server answers (`/health`, `/api/health`, `/`).
    func probeHealth() async throws(BackendError)

    /// Translates `texts` (one source and target for all), returning one output per input in
    /// order. Throws when any text could not be translated.
    func translate(_ texts: [String], pair: LanguagePair, format: TextFormat, timeout: Duration) async throws(BackendError) -> [String]
}

/// What a backend can do, as discovered.
public struct BackendCapabilities: Sendable, Equatable {
    /// Pairs it translates (directly or by its own pivoting).
    public var pairs: Set<LanguagePair>

    public init(pairs: Set<LanguagePair>) {
        self.pairs = pairs
    }
}

/// Plain text, or HTML whose markup the server should keep.
public enum TextFormat: String, Sendable, Codable, Hashable, CaseIterable {
    case text
    case html
}

/// A source and a target language.
public struct LanguagePair: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var source: Language
    public var target: Language

    public init(_ source: Language, _ target: Language) {
        self.source = source
        self.target = target
    }

    /// `en-es`
    public var description: String { "\(source.code)-\(target.code)" }

    public static func < (lhs: LanguagePair, rhs: LanguagePair) -> Bool {
        (lhs.source, lhs.target) < (rhs.source, rhs.target)
    }

    /// Every ordered pair of two different supported languages (56).
    public static var all: [LanguagePair] {
        Language.allCases.flatMap { source in Language.allCases.filter { $0 != source }.map { LanguagePair(source, $0) } }
    }
}
