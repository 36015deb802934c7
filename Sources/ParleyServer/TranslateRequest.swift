import Languages
import ServiceConfiguration
import TranslationBackends
import TranslationEngine

/// The body of `POST /v1/translate`, before checking.
struct TranslateRequestBody: Decodable {
    var texts: [String]
    var source: String?
    var targets: [String]
    var format: String?
    var priority: String?
}

/// A checked translate request.
struct TranslateRequest {
    var texts: [String]
    var source: SourceLanguage
    var targets: [Language]
    var format: TextFormat
    var lane: PriorityLane

    /// Checks the body against the limits; every problem is a 400 or 413 naming the field.
    init(_ body: TranslateRequestBody, limits: RequestLimits, defaultLane: PriorityLane) throws(APIError) {
        guard !body.texts.isEmpty else { throw APIError.badRequest(code: "invalid_request", message: "texts must contain at least one text") }
        guard body.texts.count <= limits.maxTexts else {
            throw APIError.tooLarge(code: "too_many_texts", message: "\(body.texts.count) texts in one call; the limit is \(limits.maxTexts)")
        }
        for (index, text) in body.texts.enumerated() where text.unicodeScalars.count > limits.maxCharacters {
            throw APIError.tooLarge(code: "text_too_long", message: "texts[\(index)] has \(text.unicodeScalars.count) characters; the limit is \(limits.maxCharacters)")
        }
        texts = body.texts
        source = try Self.source(body.source ?? "auto", field: "source")
        guard !body.targets.isEmpty else { throw APIError.badRequest(code: "invalid_request", message: "targets must name at least one language") }
        var targets: [Language] = []
        for (index, code) in body.targets.enumerated() {
            let language = try Self.language(code, field: "targets[\(index)]")
            if !targets.contains(language) { targets.append(language) }
        }
        self.targets = targets
        switch body.format ?? "text" {
        case "text": format = .text
        case "html": format = .html
        case let other: throw APIError.badRequest(code: "invalid_format", message: "format '\(other)' is not supported; use text or html")
        }
        lane = try Self.lane(body.priority, default: defaultLane)
    }

    static func source(_ code: String, field: String) throws(APIError) -> SourceLanguage {
        if code.lowercased() == "auto" { return .auto }
        return .language(try language(code, field: field))
    }

    static func language(_ code: String, field: String) throws(APIError) -> Language {
        do {
            return try Language(parsing: code)
        } catch {
            throw APIError.badRequest(code: "unsupported_language", message: "\(field): \(error.description)")
        }
    }

    static func lane(_ text: String?, default fallback: PriorityLane) throws(APIError) -> PriorityLane {
        guard let text else { return fallback }
        guard let lane = PriorityLane(rawValue: text) else {
            throw APIError.badRequest(code: "invalid_priority", message: "priority '\(text)' must be interactive, bulk or background")
        }
        return lane
    }
}
