import Hummingbird
import Languages
import RichText
import ServiceConfiguration
import TranslationEngine

/// `POST /v1/chat/translate`: the chat server's auto-translation of AT Protocol room messages
/// (text + facets), and a client's on-demand translation of one message
/// (`"priority": "interactive"`). Default lane `bulk`.
struct ChatTranslateRoutes {
    let engine: TranslationEngine
    let limits: RequestLimits

    struct Message: Decodable {
        var uri: String?
        var text: String
        var facets: [Facet]?
        var langs: [String]?
    }

    struct RequestBody: Decodable {
        var messages: [Message]
        var targets: [String]
        var priority: String?
        var source: String?
    }

    struct TranslationBody: Encodable {
        var text: String
        var facets: [Facet]
        var warnings: [RichTextWarning]?
        var backend: String?
        var cached: Bool?
        var unchanged: Bool?
    }

    struct MessageBody: Encodable {
        var uri: String?
        var source: TranslationRoutes.SourceBody
        var translations: [String: TranslationBody]
        var errors: [String: TranslationRoutes.ErrorBody]?
    }

    struct ResponseBody: Encodable {
        var messages: [MessageBody]
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/chat/translate") { request, context in
            try context.require(.translate)
            let body = try await request.decode(as: RequestBody.self, context: context)
            guard !body.messages.isEmpty else { throw APIError.badRequest(code: "invalid_request", message: "messages must contain at least one message") }
            guard body.messages.count <= limits.maxTexts else {
                throw APIError.tooLarge(code: "too_many_texts", message: "\(body.messages.count) messages in one call; the limit is \(limits.maxTexts)")
            }
            let inputs = try body.messages.enumerated().map { index, message throws(APIError) in
                try Self.validated(FacetedText(text: message.text, facets: message.facets ?? []), field: "messages[\(index)]")
            }
            let checked = try TranslateRequestBody.targets(body.targets)
            let lane = try TranslateRequest.lane(body.priority, default: .bulk)
            let source = try TranslateRequest.source(body.source ?? "auto", field: "source")
            let outcomes = await withTaskGroup(of: (Int, RichTextResult).self) { group in
                for (index, input) in inputs.enumerated() {
                    let hints = (body.messages[index].langs ?? []).compactMap(Language.parse)
                    group.addTask { (index, await engine.translateRichText(input, from: source, hints: hints, to: checked, lane: lane)) }
                }
                var results = [RichTextResult?](repeating: nil, count: inputs.count)
                for await (index, result) in group { results[index] = result }
                return results.compactMap { $0 }
            }
            return try Self.response(outcomes, uris: body.messages.map(\.uri), leaveOutSource: true)
        }
    }

    /// Checks text and facets; 400 naming the message and facet, 413 for text over the limit.
    static func validated(_ input: FacetedText, field: String) throws(APIError) -> FacetedText {
        do {
            try input.validate(byteLimit: FacetValidator.defaultByteLimit)
        } catch {
            if case .textTooLong = error {
                throw APIError.tooLarge(code: "text_too_long", message: "\(field).text: \(error.description)")
            }
            throw APIError.badRequest(code: error.code, message: "\(field).\(error.description)")
        }
        return input
    }

    /// One message's translations and errors, as the API shows them.
    struct Bodies {
        var translations: [String: TranslationBody] = [:]
        var errors: [String: TranslationRoutes.ErrorBody] = [:]
        var succeeded = false
        var retryAfter: Int?
    }

    static func bodies(_ outcome: RichTextResult, leaveOutSource: Bool) -> Bodies {
        var bodies = Bodies()
        for (language, result) in outcome.results {
            switch result {
            case .success(let target):
                bodies.succeeded = true
                if leaveOutSource && language == outcome.source.language { continue }
                bodies.translations[language.code] = target.unchanged
                    ? TranslationBody(text: target.richText.text, facets: target.richText.facets, unchanged: true)
                    : TranslationBody(
                        text: target.richText.text, facets: target.richText.facets,
                        warnings: target.warnings.isEmpty ? nil : target.warnings, backend: target.backend, cached: target.cached)
            case .failure(let error):
                bodies.errors[language.code] = .init(error)
                if let seconds = error.retryAfterSeconds { bodies.retryAfter = min(bodies.retryAfter ?? seconds, seconds) }
            }
        }
        return bodies
    }

    /// 200 when anything was translated (or left unchanged); 503 with the same body and
    /// `Retry-After` otherwise.
    static func status(_ all: [Bodies]) -> (HTTPResponse.Status, HTTPFields) {
        var headers = HTTPFields()
        if all.contains(where: \.succeeded) { return (.ok, headers) }
        if let retryAfter = all.compactMap(\.retryAfter).min() { headers[.retryAfter] = String(retryAfter) }
        return (.serviceUnavailable, headers)
    }

    static func response(_ outcomes: [RichTextResult], uris: [String?], leaveOutSource: Bool) throws -> Response {
        let all = outcomes.map { bodies($0, leaveOutSource: leaveOutSource) }
        let messages = zip(zip(outcomes, uris), all).map { pair, bodies in
            MessageBody(uri: pair.1, source: .init(pair.0.source), translations: bodies.translations, errors: bodies.errors.isEmpty ? nil : bodies.errors)
        }
        let (status, headers) = status(all)
        return try JSONResponse.make(ResponseBody(messages: messages), status: status, headers: headers)
    }
}
