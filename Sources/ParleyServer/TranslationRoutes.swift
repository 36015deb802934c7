import Hummingbird
import Languages
import ServiceConfiguration
import TranslationBackends
import TranslationEngine

/// `POST /v1/translate`: several texts into several languages, each result on its own.
struct TranslationRoutes {
    let engine: TranslationEngine
    let limits: RequestLimits

    struct SourceBody: Codable {
        var language: String
        var confidence: Double
    }

    struct TranslationBody: Codable {
        var text: String
        var backend: String?
        var cached: Bool?
        var unchanged: Bool?
    }

    struct ErrorBody: Codable {
        var code: String
        var message: String
        var backend: String?
        var retryAfter: Int?
    }

    struct ResultBody: Codable {
        var index: Int
        var source: SourceBody
        var translations: [String: TranslationBody]
        var errors: [String: ErrorBody]?
    }

    struct ResponseBody: Codable {
        var results: [ResultBody]
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/translate") { request, context in
            try context.require(.translate)
            let body = try await request.decode(as: TranslateRequestBody.self, context: context)
            let checked = try TranslateRequest(body, limits: limits, defaultLane: .interactive)
            if let richTexts = checked.richTexts {
                let outcomes = await withTaskGroup(of: (Int, RichTextResult).self) { group in
                    for (index, input) in richTexts.enumerated() {
                        group.addTask { (index, await engine.translateRichText(input, from: checked.source, to: checked.targets, lane: checked.lane)) }
                    }
                    var results = [RichTextResult?](repeating: nil, count: richTexts.count)
                    for await (index, result) in group { results[index] = result }
                    return results.compactMap { $0 }
                }
                return try Self.richTextResponse(outcomes)
            }
            let outcomes = await engine.translate(checked.texts, from: checked.source, to: checked.targets, format: checked.format, lane: checked.lane)
            return try Self.response(outcomes)
        }
    }

    /// 200 when anything was translated; 503 with the same body (and `Retry-After`) when nothing could be.
    static func response(_ outcomes: [TextTranslation]) throws -> Response {
        var anySucceeded = false
        var retryAfter: Int?
        let results = outcomes.enumerated().map { index, outcome in
            var translations: [String: TranslationBody] = [:]
            var errors: [String: ErrorBody] = [:]
            for (language, result) in outcome.results {
                switch result {
                case .success(let translated):
                    anySucceeded = true
                    translations[language.code] = translated.unchanged
                        ? TranslationBody(text: translated.text, unchanged: true)
                        : TranslationBody(text: translated.text, backend: translated.backend, cached: translated.cached)
                case .failure(let error):
                    errors[language.code] = ErrorBody(code: error.code, message: error.description, backend: error.backend, retryAfter: error.retryAfterSeconds)
                    if let seconds = error.retryAfterSeconds { retryAfter = min(retryAfter ?? seconds, seconds) }
                }
            }
            return ResultBody(
                index: index, source: SourceBody(outcome.source), translations: translations, errors: errors.isEmpty ? nil : errors)
        }
        var headers = HTTPFields()
        if !anySucceeded, let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return try JSONResponse.make(ResponseBody(results: results), status: anySucceeded || outcomes.isEmpty ? .ok : .serviceUnavailable, headers: headers)
    }
}

extension TranslationRoutes {
    struct RichResultBody: Encodable {
        var index: Int
        var source: SourceBody
        var translations: [String: ChatTranslateRoutes.TranslationBody]
        var errors: [String: ErrorBody]?
    }

    struct RichResponseBody: Encodable {
        var results: [RichResultBody]
    }

    /// `/v1/translate` with `format: "richtext"`: the `/v1/translate` shape, each translation
    /// with its `facets` (targets equal to the source included, as `unchanged`).
    static func richTextResponse(_ outcomes: [RichTextResult]) throws -> Response {
        let all = outcomes.map { ChatTranslateRoutes.bodies($0, leaveOutSource: false) }
        let results = zip(outcomes, all).enumerated().map { index, pair in
            RichResultBody(index: index, source: SourceBody(pair.0.source), translations: pair.1.translations, errors: pair.1.errors.isEmpty ? nil : pair.1.errors)
        }
        let (status, headers) = ChatTranslateRoutes.status(all)
        return try JSONResponse.make(RichResponseBody(results: results), status: status, headers: headers)
    }
}

extension TranslationRoutes.SourceBody {
    init(_ source: DetectedSource) {
        language = source.language?.code ?? "und"
        confidence = (source.confidence * 1000).rounded() / 1000
    }
}
