import AsyncHTTPClient
import Foundation
import Languages
import Logging
import ServiceConfiguration

/// A client for thammegowda/nllb-serve: list batches to `POST /translate`
/// (`{"source":[...],"src_lang","tgt_lang"}` → `{"translation":[...]}`), health from `GET /`.
///
/// nllb-serve stops every output at 80 tokens, so each text is cut into its ICU sentences
/// (an over-long sentence also between words) and all sentences of a call go out as lists of
/// at most ``batchLimit`` items; each text is then rebuilt from its translated sentences with
/// its original white space. HTML keeps its tags; only the text between them is sent.
public final class NLLBServeBackend: TranslationBackend {
    /// The longest piece sent, in Unicode scalars: well under 80 output tokens.
    public static let maxSentenceScalars = 300

    public let settings: BackendSettings
    private let http: BackendHTTP
    private let limiter: ConcurrencyLimiter

    /// - Parameters:
    ///   - settings: `url` is the server's root (`http://127.0.0.1:6060`); `maxBatchSize`
    ///     is the longest list sent; `maxConcurrency` bounds the requests in flight.
    ///   - httpClient: A shared, pooled client (see ``BackendFactory/makeHTTPClient()``).
    public init(settings: BackendSettings, httpClient: HTTPClient = .shared, logger: Logger = Logger(label: "parley.backend")) {
        self.settings = settings
        self.http = BackendHTTP(client: httpClient, baseURL: settings.url, logger: logger)
        self.limiter = ConcurrencyLimiter(limit: settings.maxConcurrency)
    }

    /// The configured `maxBatchSize` (at least 1): the most list items in one request.
    public var batchLimit: Int { max(1, settings.maxBatchSize) }

    /// Every pair of Parley's languages, once ``probeHealth()`` succeeds.
    public func discoverCapabilities() async throws(BackendError) -> BackendCapabilities {
        try await probeHealth()
        return BackendCapabilities(pairs: Set(LanguagePair.all))
    }

    public func probeHealth() async throws(BackendError) {
        _ = try await http.exchange(.GET, "/", deadline: Deadline.after(settings.timeout), message: Self.errorMessage)
    }

    public func translate(_ texts: [String], pair: LanguagePair, format: TextFormat, timeout: Duration) async throws(BackendError) -> [String] {
        guard !texts.isEmpty else { return [] }
        guard pair.source != pair.target else { throw .unsupportedPair(pair) }
        let deadline = Deadline.after(timeout)
        let plans = texts.map { TextPlan($0, locale: pair.source.icuLocale, format: format, mode: .sentences(maxScalars: Self.maxSentenceScalars)) }
        let sentences = plans.flatMap(\.segments)
        let limit = batchLimit
        let lists = stride(from: 0, to: sentences.count, by: limit).map { Array(sentences[$0..<min($0 + limit, sentences.count)]) }
        let http = self.http
        let request = TranslateRequest(source: [], src_lang: pair.source.nllbCode, tgt_lang: pair.target.nllbCode)
        let translated = try await FanOut.map(lists.count, limiter: limiter) { (index) async throws(BackendError) -> [String] in
            var list = request
            list.source = lists[index]
            let response = try await http.exchange(.POST, "/translate", json: try BackendHTTP.encode(list),
                                                   deadline: deadline, message: Self.errorMessage)
            let reply = try BackendHTTP.decode(TranslateReply.self, from: response, what: "the /translate reply")
            guard reply.translation.count == list.source.count else {
                throw .malformedResponse("sent \(list.source.count) sentences, got \(reply.translation.count) translations")
            }
            return reply.translation
        }.flatMap { $0 }
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

    /// Plain-text 400 (`Please submit 'source' parameter`); HTML pages give the status line.
    static func errorMessage(_ response: BackendHTTPResponse) -> String {
        response.plainMessage
    }

    private struct TranslateRequest: Encodable, Sendable {
        var source: [String]
        var src_lang: String
        var tgt_lang: String
    }

    private struct TranslateReply: Decodable {
        var translation: [String]
    }
}
