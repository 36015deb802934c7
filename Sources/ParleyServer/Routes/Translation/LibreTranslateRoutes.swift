import AccessControl
import Foundation
import Hummingbird
import Languages
import ServiceConfiguration
import TranslationBackends
import TranslationEngine

/// The LibreTranslate 1.9.6 API, so that a client of LibreTranslate (protoimsg's chat server
/// posts `{q, source: "auto", target}` to `/translate`) works against Parley by changing one
/// URL: `POST /translate`, `POST /detect`, `GET /languages`, `GET /frontend/settings`,
/// `GET /health`, with LibreTranslate's field names, response shapes and `{"error": "…"}` errors.
/// Differences, on purpose: JSON (not HTML) 404/405, a 400 (not 500) for a non-numeric
/// `alternatives`, 503 with `Retry-After` (never the source text) when the backends fail.
struct LibreTranslateRoutes {
    let engine: TranslationEngine
    let detection: DetectionService
    let keys: APIKeyManager
    let limits: RequestLimits

    static let paths: Set<String> = ["/translate", "/detect", "/languages", "/frontend/settings", "/health"]

    func register(on router: ParleyRouter) {
        router.post("/translate") { request, context in
            await Self.answering { () async throws -> Response in try await translate(request, context: context) }
        }
        router.post("/detect") { request, context in
            await Self.answering { () async throws -> Response in try await detect(request, context: context) }
        }
        router.get("/languages") { _, _ in
            try JSONResponse.make(await languages())
        }
        router.get("/frontend/settings") { _, context in
            try JSONResponse.make(FrontendSettings(
                apiKeys: true, charLimit: limits.maxCharacters, filesTranslation: false, frontendTimeout: 500,
                keyRequired: !context.principal.may(.translate), language: .init(source: .init(code: "auto", name: "Auto Detect"), target: .init(code: "es", name: "Spanish")),
                suggestions: false, supportedFilesFormat: []))
        }
        router.get("/health") { _, _ in
            try JSONResponse.make(["status": "ok"])
        }
    }

    /// Runs a handler, answering any failure in LibreTranslate's error shape.
    static func answering(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let failure as LibreTranslateRequest.Failure {
            return errorResponse(failure.status, failure.message)
        } catch let error as APIError {
            return errorResponse(error.status, error.message, headers: error.headers)
        } catch {
            return errorResponse(.internalServerError, "internal error")
        }
    }

    static func errorResponse(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        (try? JSONResponse.make(["error": message], status: status, headers: headers)) ?? Response(status: status)
    }

    /// The caller: the bearer key's principal, or the key given as `api_key` in the body.
    /// An `api_key` that is not a string is a 400 whether or not a bearer key came too: a
    /// client sending `["x"]` has a bug it should hear about, not a key silently ignored.
    func principal(_ request: LibreTranslateRequest, context: ParleyRequestContext) async throws -> Principal {
        let bodyKey = try request.typedOptionalString("api_key")
        guard context.principal.isAnonymous, let key = bodyKey else { return context.principal }
        do {
            return try await keys.authenticate(key: key)
        } catch {
            throw LibreTranslateRequest.Failure(status: .forbidden, message: "Invalid API key")
        }
    }

    func require(_ scope: Scope, of principal: Principal) throws {
        guard principal.may(scope) else {
            throw LibreTranslateRequest.Failure(status: .forbidden, message: principal.isAnonymous ? "Please provide an API key" : "Invalid API key")
        }
    }

    func language(_ code: String) throws -> Language {
        guard let language = Language.parse(code) else {
            throw LibreTranslateRequest.Failure(status: .badRequest, message: "\(code) is not supported")
        }
        return language
    }

    func translate(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let fields = try await LibreTranslateRequest.read(request, context: context)
        try require(.translate, of: try await principal(fields, context: context))
        let (texts, isList) = try fields.texts()
        let sourceCode = try fields.string("source")
        let target = try language(try fields.string("target"))
        let source: SourceLanguage = sourceCode.lowercased() == "auto" ? .auto : .language(try language(sourceCode))
        let format: TextFormat
        switch try fields.typedOptionalString("format") ?? "text" {
        case "text": format = .text
        case "html": format = .html
        case let other: throw LibreTranslateRequest.Failure(status: .badRequest, message: "\(other) format is not supported")
        }
        let alternatives = try fields.alternatives()
        if texts.count > limits.maxTexts {
            throw LibreTranslateRequest.Failure(status: .badRequest, message: "Invalid request: request (\(texts.count)) exceeds text limit (\(limits.maxTexts))")
        }
        for text in texts where text.unicodeScalars.count > limits.maxCharacters {
            throw LibreTranslateRequest.Failure(status: .badRequest, message: "Invalid request: request (\(text.unicodeScalars.count)) exceeds text limit (\(limits.maxCharacters))")
        }
        let outcomes = await engine.translate(texts, from: source, to: [target], format: format, lane: .interactive)
        var translated: [String] = []
        for outcome in outcomes {
            switch outcome.results[target] {
            case .success(let result)?:
                translated.append(result.text)
            case .failure(let error)?:
                var headers = HTTPFields()
                if let seconds = error.retryAfterSeconds { headers[.retryAfter] = String(seconds) }
                return Self.errorResponse(error.code == "unsupported_pair" ? .badRequest : .serviceUnavailable, error.description, headers: headers)
            case nil:
                return Self.errorResponse(.internalServerError, "no result")
            }
        }
        let detected = outcomes.map { DetectedLanguage(confidence: ($0.source.confidence * 1000).rounded() / 10, language: $0.source.language?.code ?? "und") }
        let body = TranslateResponse(
            translatedText: isList ? .list(translated) : .single(translated[0]),
            detectedLanguage: source == .auto ? (isList ? .list(detected) : .single(detected[0])) : nil,
            alternatives: alternatives > 0 ? (isList ? .list(texts.map { _ in [] }) : .single([])) : nil)
        var json = JSONWriter(capacity: 96 + texts.reduce(0) { $0 + $1.utf8.count * 2 })
        body.write(into: &json)
        return JSONResponse.make(json)
    }

    func detect(_ request: Request, context: ParleyRequestContext) async throws -> Response {
        let fields = try await LibreTranslateRequest.read(request, context: context)
        try require(.detect, of: try await principal(fields, context: context))
        let (texts, isList) = try fields.texts()
        let results = detection.detect(texts)
        if isList {
            // One best candidate per text, in order.
            return try JSONResponse.make(results.map { result in
                DetectedLanguage(confidence: ((result.candidates.first?.confidence ?? 0) * 1000).rounded() / 10, language: result.candidates.first?.language ?? "und")
            })
        }
        let candidates = results[0].candidates.prefix(3).map { DetectedLanguage(confidence: ($0.confidence * 1000).rounded() / 10, language: $0.language) }
        return try JSONResponse.make(candidates.isEmpty ? [DetectedLanguage(confidence: 0, language: "und")] : Array(candidates))
    }

    /// `GET /languages`: each language with the targets Parley's backends reach from it.
    func languages() async -> [LanguageEntry] {
        var served: Set<String> = []
        for status in await engine.monitor.backendStatuses() { served.formUnion(status.pairs) }
        return Language.allCases.map { source in
            let targets = Language.allCases.filter { target in
                target == source || served.contains("\(source.code)-\(target.code)")
                    || (served.contains("\(source.code)-en") && served.contains("en-\(target.code)"))
            }
            return LanguageEntry(code: source.code, name: source.englishName, targets: targets.map(\.code))
        }
    }

    struct LanguageEntry: Codable {
        var code: String
        var name: String
        var targets: [String]
    }

    struct DetectedLanguage: Codable {
        var confidence: Double
        var language: String

        func write(into json: inout JSONWriter) {
            json.beginObject()
            json.key("confidence"); json.value(confidence)
            json.key("language"); json.value(language)
            json.endObject()
        }
    }

    /// A value that is one thing for a single `q` and a list for a list `q`.
    enum OneOrMany<T: Encodable>: Encodable {
        case single(T)
        case list([T])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .single(let value): try container.encode(value)
            case .list(let values): try container.encode(values)
            }
        }
    }

    struct TranslateResponse: Encodable {
        var translatedText: OneOrMany<String>
        var detectedLanguage: OneOrMany<DetectedLanguage>?
        var alternatives: OneOrMany<[String]>?

        /// The same bytes `JSONResponse.make(self)` gives (keys sorted), written by hand: this
        /// is the chat server's hot path.
        func write(into json: inout JSONWriter) {
            json.beginObject()
            if let alternatives {
                json.key("alternatives")
                switch alternatives {
                case .single(let list): Self.write(list, into: &json)
                case .list(let lists):
                    json.beginArray()
                    for list in lists { Self.write(list, into: &json) }
                    json.endArray()
                }
            }
            if let detectedLanguage {
                json.key("detectedLanguage")
                switch detectedLanguage {
                case .single(let detected): detected.write(into: &json)
                case .list(let all):
                    json.beginArray()
                    for detected in all { detected.write(into: &json) }
                    json.endArray()
                }
            }
            json.key("translatedText")
            switch translatedText {
            case .single(let text): json.value(text)
            case .list(let texts): Self.write(texts, into: &json)
            }
            json.endObject()
        }

        private static func write(_ strings: [String], into json: inout JSONWriter) {
            json.beginArray()
            for text in strings { json.value(text) }
            json.endArray()
        }
    }

    struct FrontendSettings: Codable {
        struct LanguageChoice: Codable {
            struct Entry: Codable {
                var code: String
                var name: String
            }
            var source: Entry
            var target: Entry
        }
        var apiKeys: Bool
        var charLimit: Int
        var filesTranslation: Bool
        var frontendTimeout: Int
        var keyRequired: Bool
        var language: LanguageChoice
        var suggestions: Bool
        var supportedFilesFormat: [String]
    }
}
