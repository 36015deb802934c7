import Foundation
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

    struct ErrorBody: Codable {
        var code: String
        var message: String
        var backend: String?
        var retryAfter: Int?
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/translate") { request, context in
            try context.require(.translate)
            let bytes = try await ParleyJSONDecoder.body(of: request, context: context)
            let body = try bytes.withUnsafeReadableBytes(FlatJSONObjectReader.parse).flatMap(TranslateRequestBody.init(flat:))
                ?? ParleyJSONDecoder.decode(TranslateRequestBody.self, from: Data(buffer: bytes))
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
            return Self.response(outcomes)
        }
    }

    /// 200 when anything was translated; 503 with the same body (and `Retry-After`) when nothing could be.
    ///
    /// Written field by field (see ``JSONWriter``), keys sorted:
    /// `{"results":[{"errors":{…},"index":0,"source":{…},"translations":{"es":{"backend","cached","text"}}}]}`.
    static func response(_ outcomes: [TextTranslation]) -> Response {
        var anySucceeded = false
        var retryAfter: Int?
        var json = JSONWriter(capacity: 160 * outcomes.count + 16)
        json.beginObject()
        json.key("results")
        json.beginArray()
        for (index, outcome) in outcomes.enumerated() {
            let results = outcome.results.sorted { $0.key.code < $1.key.code }
            json.beginObject()
            var wroteErrors = false
            for (language, result) in results {
                guard case .failure(let error) = result else { continue }
                if !wroteErrors {
                    json.key("errors")
                    json.beginObject()
                    wroteErrors = true
                }
                json.key(language.code)
                ErrorBody(error).write(into: &json)
                if let seconds = error.retryAfterSeconds { retryAfter = min(retryAfter ?? seconds, seconds) }
            }
            if wroteErrors { json.endObject() }
            json.key("index"); json.value(index)
            json.key("source"); SourceBody(outcome.source).write(into: &json)
            json.key("translations")
            json.beginObject()
            for (language, result) in results {
                guard case .success(let translated) = result else { continue }
                anySucceeded = true
                json.key(language.code)
                json.beginObject()
                if translated.unchanged {
                    json.key("text"); json.value(translated.text)
                    json.key("unchanged"); json.value(true)
                } else {
                    if let backend = translated.backend { json.key("backend"); json.value(backend) }
                    json.key("cached"); json.value(translated.cached)
                    json.key("text"); json.value(translated.text)
                }
                json.endObject()
            }
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        var headers = HTTPFields()
        if !anySucceeded, let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return JSONResponse.make(json, status: anySucceeded || outcomes.isEmpty ? .ok : .serviceUnavailable, headers: headers)
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

extension TranslationRoutes.ErrorBody {
    init(_ error: EngineError) {
        self.init(code: error.code, message: error.description, backend: error.backend, retryAfter: error.retryAfterSeconds)
    }

    func write(into json: inout JSONWriter) {
        json.beginObject()
        if let backend { json.key("backend"); json.value(backend) }
        json.key("code"); json.value(code)
        json.key("message"); json.value(message)
        if let retryAfter { json.key("retryAfter"); json.value(retryAfter) }
        json.endObject()
    }
}

extension TranslationRoutes.SourceBody {
    func write(into json: inout JSONWriter) {
        json.beginObject()
        json.key("confidence"); json.value(confidence)
        json.key("language"); json.value(language)
        json.endObject()
    }

    init(_ source: DetectedSource) {
        language = source.language?.code ?? "und"
        confidence = (source.confidence * 1000).rounded() / 1000
    }
}
