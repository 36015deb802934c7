import AsyncHTTPClient
import Foundation
import Languages
import Logging
import ServiceConfiguration
import Synchronization

/// A client for LibreTranslate 1.9.x: JSON batches to `POST /translate` (`q` as an array,
/// `api_key` in the body), supported pairs from `GET /languages`, health from `GET /health`.
///
/// Pairs learnt from ``discoverCapabilities()`` are remembered: a pair the server lacks is
/// refused with ``BackendError/unsupportedPair(_:)`` before anything is sent. Before the first
/// discovery every pair is tried, and the server's `400 "xx is not supported"` is reported as
/// ``BackendError/unsupportedPair(_:)`` too.
public final class LibreTranslateBackend: TranslationBackend {
    public let settings: BackendSettings
    private let http: BackendHTTP
    private let limiter: ConcurrencyLimiter
    private let discovered = Mutex<Set<LanguagePair>?>(nil)

    /// - Parameters:
    ///   - settings: `url` is the server's root (`http://127.0.0.1:5000`); `apiKey` goes into
    ///     every request body; `maxBatchSize` is the most texts per request; `maxConcurrency`
    ///     the most requests this client has in flight.
    ///   - httpClient: A shared, pooled client (see ``BackendFactory/makeHTTPClient()``).
    public init(settings: BackendSettings, httpClient: HTTPClient = .shared, logger: Logger = Logger(label: "parley.backend")) {
        self.settings = settings
        self.http = BackendHTTP(client: httpClient, baseURL: settings.url, logger: logger)
        self.limiter = ConcurrencyLimiter(limit: settings.maxConcurrency)
    }

    /// The configured `maxBatchSize` (at least 1).
    public var batchLimit: Int { max(1, settings.maxBatchSize) }

    /// The pairs found by the last successful discovery, if any.
    public var knownCapabilities: BackendCapabilities? {
        discovered.withLock { $0 }.map(BackendCapabilities.init(pairs:))
    }

    public func discoverCapabilities() async throws(BackendError) -> BackendCapabilities {
        let response = try await http.exchange(.GET, "/languages", deadline: Deadline.after(settings.timeout), message: Self.errorMessage)
        let entries = try BackendHTTP.decode([LanguageEntry].self, from: response, what: "the /languages reply")
        let pairs = Self.pairs(from: entries)
        discovered.withLock { $0 = pairs }
        return BackendCapabilities(pairs: pairs)
    }

    public func probeHealth() async throws(BackendError) {
        let response = try await http.exchange(.GET, "/health", deadline: Deadline.after(settings.timeout), message: Self.errorMessage)
        let health = try BackendHTTP.decode(Health.self, from: response, what: "the /health reply")
        guard health.status == "ok" else { throw .malformedResponse("/health says status \(health.status)") }
    }

    public func translate(_ texts: [String], pair: LanguagePair, format: TextFormat, timeout: Duration) async throws(BackendError) -> [String] {
        guard !texts.isEmpty else { return [] }
        guard pair.source != pair.target else { throw .unsupportedPair(pair) }
        if let pairs = discovered.withLock({ $0 }), !pairs.contains(pair) { throw .unsupportedPair(pair) }
        let deadline = Deadline.after(timeout)
        let batches = stride(from: 0, to: texts.count, by: batchLimit).map { Array(texts[$0..<min($0 + batchLimit, texts.count)]) }
        let body = TranslateRequest(q: [], source: pair.source.libreTranslateCode, target: pair.target.libreTranslateCode,
                                    format: format.rawValue, api_key: settings.apiKey.flatMap { $0.isEmpty ? nil : $0 })
        let outputs = try await FanOut.map(batches.count, limiter: limiter) { [self] (index) async throws(BackendError) -> [String] in
            var request = body
            request.q = batches[index]
            return try await send(request, pair: pair, deadline: deadline)
        }.flatMap { $0 }
        try EchoGuard.check(inputs: texts, outputs: outputs, pair: pair)
        return outputs
    }

    private func send(_ request: TranslateRequest, pair: LanguagePair, deadline: ContinuousClock.Instant) async throws(BackendError) -> [String] {
        let response = try await http.send(.POST, "/translate", json: try BackendHTTP.encode(request), deadline: deadline)
        if let error = BackendHTTP.error(for: response, message: Self.errorMessage) {
            if case .rejected(400, let message) = error, Self.isUnsupportedLanguage(message, pair: pair) {
                _ = discovered.withLock { $0?.remove(pair) }
                throw .unsupportedPair(pair)
            }
            throw error
        }
        let reply = try BackendHTTP.decode(TranslateReply.self, from: response, what: "the /translate reply")
        guard reply.translatedText.count == request.q.count else {
            throw .malformedResponse("sent \(request.q.count) texts, got \(reply.translatedText.count) translations")
        }
        return reply.translatedText
    }

    // MARK: - Protocol details

    /// The pairs among Parley's languages that a `/languages` reply offers (codes Parley does
    /// not support are ignored, and so is a language's own code in its targets).
    static func pairs(from entries: [LanguageEntry]) -> Set<LanguagePair> {
        var pairs = Set<LanguagePair>()
        for entry in entries {
            guard let source = language(entry.code) else { continue }
            for target in entry.targets.compactMap(language) where target != source {
                pairs.insert(LanguagePair(source, target))
            }
        }
        return pairs
    }

    private static func language(_ code: String) -> Language? {
        Language.allCases.first { $0.libreTranslateCode == code.lowercased() }
    }

    /// `{"error": "..."}`; 404/405 come as HTML pages, whose message is the status line.
    static func errorMessage(_ response: BackendHTTPResponse) -> String {
        (try? JSONDecoder().decode(ErrorReply.self, from: response.body))?.error ?? response.plainMessage
    }

    /// LibreTranslate's `"<code> is not supported"` for the pair's source or target.
    private static func isUnsupportedLanguage(_ message: String, pair: LanguagePair) -> Bool {
        [pair.source, pair.target].contains { message == "\($0.libreTranslateCode) is not supported" }
    }

    struct LanguageEntry: Decodable {
        var code: String
        var name: String?
        var targets: [String]
    }

    private struct Health: Decodable {
        var status: String
    }

    private struct TranslateRequest: Encodable, Sendable {
        var q: [String]
        var source: String
        var target: String
        var format: String
        var api_key: String?
    }

    private struct TranslateReply: Decodable {
        var translatedText: [String]

        private enum CodingKeys: String, CodingKey { case translatedText }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let single = try? container.decode(String.self, forKey: .translatedText) {
                translatedText = [single]
            } else {
                translatedText = try container.decode([String].self, forKey: .translatedText)
            }
        }
    }

    private struct ErrorReply: Decodable {
        var error: String
    }
}
