import AsyncHTTPClient
import Foundation
import Languages
import Logging
import ServiceConfiguration

/// A client for winstxnhdw/nllb-api 4.x: one text per `POST /api/v4/translator` request
/// (`{"text","source","target"}` with NLLB codes → `{"result"}`), health from `GET /api/health`.
///
/// The server has no batch endpoint, so several texts become concurrent single requests, at
/// most `maxConcurrency` in flight for this client. Texts over the server's 4096-character
/// limit are cut between sentences (between words inside an over-long sentence), translated
/// piece by piece and put back together. HTML keeps its tags; only the text between them is
/// sent. The server has no discovery endpoint: once healthy it serves every pair.
public final class NLLBAPIBackend: TranslationBackend {
    /// nllb-api refuses `text` over 4096 characters, but its CTranslate2 model reads only the
    /// first 1024 tokens of an input and drops the rest without a word; texts are therefore cut
    /// (between sentences) into pieces of at most this many Unicode scalars — far under 1024
    /// tokens even for scripts that tokenize densely.
    public static let maxTextScalars = 1000

    public let settings: BackendSettings
    private let http: BackendHTTP
    private let limiter: ConcurrencyLimiter

    /// - Parameters:
    ///   - settings: `url` is the server's root (`http://127.0.0.1:7860`, routes under
    ///     `/api`); `maxConcurrency` bounds the requests in flight.
    ///   - httpClient: A shared, pooled client (see ``BackendFactory/makeHTTPClient()``).
    public init(settings: BackendSettings, httpClient: HTTPClient = .shared, logger: Logger = Logger(label: "parley.backend")) {
        self.settings = settings
        self.http = BackendHTTP(client: httpClient, baseURL: settings.url, logger: logger)
        self.limiter = ConcurrencyLimiter(limit: settings.maxConcurrency)
    }

    /// 1: the server decodes every text on its own. ``translate(_:pair:format:timeout:)``
    /// still takes several texts and sends them concurrently.
    public var batchLimit: Int { 1 }

    /// Every pair of Parley's languages, once ``probeHealth()`` succeeds.
    public func discoverCapabilities() async throws(BackendError) -> BackendCapabilities {
        try await probeHealth()
        return BackendCapabilities(pairs: Set(LanguagePair.all))
    }

    public func probeHealth() async throws(BackendError) {
        let response = try await http.exchange(.GET, "/api/health", deadline: Deadline.after(settings.timeout), message: Self.errorMessage)
        let health = try BackendHTTP.decode(Health.self, from: response, what: "the /api/health reply")
        guard health.message == "online" else { throw .malformedResponse("/api/health says \(health.message)") }
    }

    public func translate(_ texts: [String], pair: LanguagePair, format: TextFormat, timeout: Duration) async throws(BackendError) -> [String] {
        guard !texts.isEmpty else { return [] }
        guard pair.source != pair.target else { throw .unsupportedPair(pair) }
        let deadline = Deadline.after(timeout)
        let plans = texts.map { TextPlan($0, locale: pair.source.icuLocale, format: format, mode: .chunks(maxScalars: Self.maxTextScalars)) }
        let segments = plans.flatMap(\.segments)
        let request = TranslateRequest(text: "", source: pair.source.nllbCode, target: pair.target.nllbCode)
        let http = self.http
        let translated = try await FanOut.map(segments.count, limiter: limiter) { (index) async throws(BackendError) -> String in
            var single = request
            single.text = segments[index]
            let response = try await http.exchange(.POST, "/api/v4/translator", json: try BackendHTTP.encode(single),
                                                   deadline: deadline, message: Self.errorMessage)
            return try BackendHTTP.decode(TranslateReply.self, from: response, what: "the /api/v4/translator reply").result
        }
        var outputs: [String] = []
        var offset = 0
        for plan in plans {
            let count = plan.segments.count
            outputs.append(plan.rejoined(with: translated[offset..<offset + count]))
            offset += count
        }
        try EchoGuard.check(inputs: texts, outputs: outputs, pair: pair)
        return outputs
    }

    // MARK: - Protocol details

    /// `{"status_code","detail","extra":[{"message","key","source"}]}` → `detail (key: message)`.
    static func errorMessage(_ response: BackendHTTPResponse) -> String {
        guard let reply = try? JSONDecoder().decode(ErrorReply.self, from: response.body), let detail = reply.detail else {
            return response.plainMessage
        }
        let extras = (reply.extra ?? []).compactMap { extra -> String? in
            guard let message = extra.message else { return nil }
            return extra.key.map { "\($0): \(message)" } ?? message
        }
        return extras.isEmpty ? detail : "\(detail) (\(extras.joined(separator: "; ")))"
    }

    private struct Health: Decodable {
        var message: String
    }

    private struct TranslateRequest: Encodable, Sendable {
        var text: String
        var source: String
        var target: String
    }

    private struct TranslateReply: Decodable {
        var result: String
    }

    private struct ErrorReply: Decodable {
        struct Extra: Decodable {
            var message: String?
            var key: String?
        }

        var detail: String?
        var extra: [Extra]?
    }
}
