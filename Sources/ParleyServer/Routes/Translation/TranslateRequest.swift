import Languages
import ServiceConfiguration
import TranslationBackends
import TranslationEngine

import RichText

/// The body of `POST /v1/translate`, before checking.
struct TranslateRequestBody: Decodable, Equatable {
    var texts: [TextItem]
    var source: String?
    var targets: [String]
    var format: String?
    var priority: String?

    /// A plain string, or (for `format: "richtext"`) `{"text", "facets"}`.
    enum TextItem: Decodable, Equatable {
        case plain(String)
        case rich(FacetedText)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .plain(text)
            } else {
                self = .rich(try container.decode(FacetedText.self))
            }
        }

        var text: String {
            switch self {
            case .plain(let text): text
            case .rich(let rich): rich.text
            }
        }
    }

    /// The targets, parsed and de-duplicated (400 naming the bad one).
    static func targets(_ codes: [String]) throws(APIError) -> [Language] {
        guard !codes.isEmpty else { throw APIError.badRequest(code: "invalid_request", message: "targets must name at least one language") }
        var targets: [Language] = []
        for (index, code) in codes.enumerated() {
            let language = try TranslateRequest.language(code, field: "targets[\(index)]")
            if !targets.contains(language) { targets.append(language) }
        }
        return targets
    }
}

extension TranslateRequestBody {
    /// The body from a flat JSON object of exactly its fields (strings, lists of strings,
    /// `null` for the optional ones), or `nil` for anything else (decode that with
    /// `JSONDecoder`, which names the problem).
    init?(flat members: [(key: String, value: FlatJSONObjectReader.Value)]) {
        var texts: [String]?, targets: [String]?
        var source: String?, format: String?, priority: String?
        for (key, value) in members {
            switch (key, value) {
            case ("texts", .list(let list)): texts = list
            case ("targets", .list(let list)): targets = list
            case ("source", .string(let text)): source = text
            case ("format", .string(let text)): format = text
            case ("priority", .string(let text)): priority = text
            case ("source", .null), ("format", .null), ("priority", .null): break
            default: return nil
            }
        }
        guard let texts, let targets else { return nil }
        self.init(texts: texts.map(TextItem.plain), source: source, targets: targets, format: format, priority: priority)
    }

    enum CodingKeys: String, CodingKey {
        case texts, source, targets, format, priority
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Nearly every request is a list of strings: decoded as one, that is half the work of
        // deciding string-or-object for each item. Anything else takes the item-wise route
        // (and its errors).
        if let plain = try? container.decode([String].self, forKey: .texts) {
            texts = plain.map(TextItem.plain)
        } else {
            texts = try container.decode([TextItem].self, forKey: .texts)
        }
        source = try container.decodeIfPresent(String.self, forKey: .source)
        targets = try container.decode([String].self, forKey: .targets)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        priority = try container.decodeIfPresent(String.self, forKey: .priority)
    }
}

/// A checked translate request.
struct TranslateRequest {
    var texts: [String]
    /// For `format: "richtext"`: the validated messages (texts holds their plain text).
    var richTexts: [FacetedText]?
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
        // A text has no more characters than UTF-8 bytes: only long ones need counting.
        for (index, item) in body.texts.enumerated() where item.text.utf8.count > limits.maxCharacters && item.text.unicodeScalars.count > limits.maxCharacters {
            throw APIError.tooLarge(code: "text_too_long", message: "texts[\(index)] has \(item.text.unicodeScalars.count) characters; the limit is \(limits.maxCharacters)")
        }
        texts = body.texts.map(\.text)
        source = try Self.source(body.source ?? "auto", field: "source")
        targets = try TranslateRequestBody.targets(body.targets)
        switch body.format ?? "text" {
        case "text", "html", "richtext": break
        case let other: throw APIError.badRequest(code: "invalid_format", message: "format '\(other)' is not supported; use text, html or richtext")
        }
        format = body.format == "html" ? .html : .text
        if body.format == "richtext" {
            var richTexts: [FacetedText] = []
            for (index, item) in body.texts.enumerated() {
                guard case .rich(let rich) = item else {
                    throw APIError.badRequest(code: "invalid_request", message: "texts[\(index)] must be an object {\"text\", \"facets\"} when format is richtext")
                }
                richTexts.append(try ChatTranslateRoutes.validated(rich, field: "texts[\(index)]"))
            }
            self.richTexts = richTexts
        } else {
            for (index, item) in body.texts.enumerated() {
                guard case .plain = item else {
                    throw APIError.badRequest(code: "invalid_request", message: "texts[\(index)] must be a string; objects need format richtext")
                }
            }
        }
        lane = try Self.lane(body.priority, default: defaultLane)
    }

    static func source(_ code: String, field: String) throws(APIError) -> SourceLanguage {
        if code.utf8.count == 4 && code.lowercased() == "auto" { return .auto }
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
