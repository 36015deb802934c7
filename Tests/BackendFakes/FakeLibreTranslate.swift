import Foundation
import Synchronization

/// An in-process LibreTranslate 1.9.6: `POST /translate` (JSON or form; `q` string or list;
/// `source:"auto"`; `format`; `alternatives`; `api_key`), `POST /detect`, `GET /languages`,
/// `GET /health`, `GET /frontend/settings`, `POST /suggest`, with the real error texts,
/// statuses and HTML 404/405 pages, sorted JSON keys and `Access-Control-Allow-Origin: *`.
///
/// Its translation is `"[<target>] " + text` (for HTML, of each text node), unless a test sets
/// ``FakeBackendServer/translator``. Like the real server it returns the input unchanged when
/// source equals target or the text has no letters.
///
/// ```swift
/// try await FakeLibreTranslate.withServer { lt in
///     lt.fault = .rateLimited
///     // … call lt.baseURL …
/// }
/// ```
public final class FakeLibreTranslate: FakeBackendServer {
    /// One entry of `GET /languages`.
    public struct LanguageEntry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var targets: [String]

        public init(code: String, name: String, targets: [String]) {
            self.code = code
            self.name = name
            self.targets = targets
        }
    }

    /// How the fake is set up; change it at any time through ``options``.
    public struct Options: Sendable {
        /// What `GET /languages` lists and `/translate` accepts.
        public var languages: [LanguageEntry] = FakeLibreTranslate.argosLanguages
        /// When set, requests to `/translate`, `/detect` and `/suggest` need this `api_key`
        /// (403 otherwise), as with `--api-keys --require-api-key-secret`.
        public var requiredAPIKey: String?
        /// `--char-limit`: the most characters (code points) of all texts of one request.
        public var charLimit: Int?
        /// `--batch-limit`: the most texts in one request.
        public var batchLimit: Int?

        public init() {}
    }

    /// What LibreTranslate serves with the Argos models that exist for Parley's languages
    /// (en↔es/ru/ar/uk/ga, the rest pivoting through English) plus French, which Parley
    /// does not support. No Swahili, no Hausa.
    public static let argosLanguages: [LanguageEntry] = {
        let names = [("en", "English"), ("ar", "Arabic"), ("fr", "French"), ("ga", "Irish"), ("ru", "Russian"),
                     ("es", "Spanish"), ("uk", "Ukrainian")]
        let codes = names.map(\.0)
        return names.map { LanguageEntry(code: $0.0, name: $0.1, targets: codes.sorted()) }
    }()

    /// Exactly the languages of the recorded transcript: English and Spanish.
    public static let transcriptLanguages: [LanguageEntry] = [
        LanguageEntry(code: "en", name: "English", targets: ["en", "es"]),
        LanguageEntry(code: "es", name: "Spanish", targets: ["en", "es"]),
    ]

    public let control: FakeServerControl
    private let dialect: LibreTranslateDialect

    private init(control: FakeServerControl, dialect: LibreTranslateDialect) {
        self.control = control
        self.dialect = dialect
    }

    /// Starts a fake on a free 127.0.0.1 port.
    public static func start(options: Options = Options()) async throws(FakeServerError) -> FakeLibreTranslate {
        let dialect = LibreTranslateDialect(options: options)
        let control = FakeServerControl(dialect: dialect)
        try await control.start()
        return FakeLibreTranslate(control: control, dialect: dialect)
    }

    /// Runs `body` with a started fake and stops it afterwards, also when `body` throws.
    public static func withServer<T>(options: Options = Options(), _ body: (FakeLibreTranslate) async throws -> T) async throws -> T {
        let fake = try await start(options: options)
        do {
            let result = try await body(fake)
            await fake.stop()
            return result
        } catch {
            await fake.stop()
            throw error
        }
    }

    /// The set-up in force.
    public var options: Options {
        get { dialect.options.withLock { $0 } }
        set { dialect.options.withLock { $0 = newValue } }
    }

    /// The `api_key` of each `/translate` request (nil when absent), in order.
    public var receivedAPIKeys: [String?] { dialect.receivedAPIKeys.withLock { $0 } }
}

/// LibreTranslate 1.9.6's behaviour, as recorded in the transcript.
final class LibreTranslateDialect: FakeDialect {
    let options: Mutex<FakeLibreTranslate.Options>
    let receivedAPIKeys = Mutex<[String?]>([])

    init(options: FakeLibreTranslate.Options) {
        self.options = Mutex(options)
    }

    static let defaultTranslator: FakeTranslator = { text, _, target in "[\(target)] \(text)" }

    private static let routes: [String: [String]] = [
        "/": ["GET"],
        "/languages": ["GET", "POST"],
        "/health": ["GET"],
        "/frontend/settings": ["GET"],
        "/translate": ["POST"],
        "/detect": ["POST"],
        "/suggest": ["POST"],
    ]

    // MARK: - FakeDialect

    func translationBatchSize(_ request: FakeRequest) -> Int? {
        guard request.method == "POST", request.path == "/translate" else { return nil }
        guard let fields = try? Fields(request), let q = fields.q else { return 0 }
        if case .array(let items) = q { return items.count }
        return 1
    }

    func serverError() -> FakeResponse {
        Self.error(500, "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.")
    }

    func rateLimited(retryAfter: Int?) -> FakeResponse {
        var response = Self.error(429, "Slowdown: 2 per 1 minute")
        if let retryAfter { response.headers.append(("Retry-After", String(retryAfter))) }
        return response
    }

    func respond(to request: FakeRequest, behaviour: FakeBehaviour) async -> FakeResponse {
        guard let methods = Self.routes[request.path] else { return Self.cors(WerkzeugPage.response(404)) }
        guard methods.contains(request.method) else {
            return Self.cors(WerkzeugPage.response(405, headers: [("Allow", (methods + ["OPTIONS"] + (methods.contains("GET") ? ["HEAD"] : [])).sorted().joined(separator: ", "))]))
        }
        let options = self.options.withLock { $0 }
        switch request.path {
        case "/":
            return Self.cors(FakeResponse(status: 200, reason: "OK", contentType: "text/html; charset=utf-8",
                                          body: "<!doctype html><title>LibreTranslate (Parley fake)</title>\n"))
        case "/languages":
            let entries = options.languages.map { entry in
                FakeJSON.object(["code": .string(entry.code), "name": .string(entry.name), "targets": .array(entry.targets.map(FakeJSON.string))])
            }
            return Self.json(.array(entries))
        case "/health":
            return Self.json(.object(["status": .string("ok")]))
        case "/frontend/settings":
            return Self.json(frontendSettings(options))
        default:
            break
        }
        let fields: Fields
        do {
            fields = try Fields(request)
        } catch {
            return error.response
        }
        if let failure = checkKey(fields, options: options, record: request.path == "/translate") { return failure }
        switch request.path {
        case "/translate": return translate(fields, options: options, behaviour: behaviour)
        case "/detect": return detect(fields)
        default: return Self.error(403, "Suggestions are disabled on this server.")
        }
    }

    // MARK: - Routes

    private func checkKey(_ fields: Fields, options: FakeLibreTranslate.Options, record: Bool) -> FakeResponse? {
        let key = fields.string("api_key")
        if record { receivedAPIKeys.withLock { $0.append(key) } }
        guard let required = options.requiredAPIKey else { return nil }
        guard let key, !key.isEmpty else { return Self.error(403, "Please contact the server operator to get an API key") }
        return key == required ? nil : Self.error(403, "Invalid API key")
    }

    private func translate(_ fields: Fields, options: FakeLibreTranslate.Options, behaviour: FakeBehaviour) -> FakeResponse {
        guard let q = fields.q, q != .string(""), q != .array([]) else { return Self.error(400, "Invalid request: missing q parameter") }
        guard let sourceCode = fields.string("source")?.lowercased(), !sourceCode.isEmpty else {
            return Self.error(400, "Invalid request: missing source parameter")
        }
        guard let targetCode = fields.string("target")?.lowercased(), !targetCode.isEmpty else {
            return Self.error(400, "Invalid request: missing target parameter")
        }
        var alternatives = 0
        if let raw = fields.value("alternatives") {
            switch raw {
            case .int(let n): alternatives = max(0, n)
            case .double(let n): alternatives = max(0, Int(n))
            case .string(let text):
                guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                    return fields.isJSON ? serverError() : Self.error(400, "Invalid request: alternatives parameter is not a number")
                }
                alternatives = max(0, n)
            default: return serverError()
            }
        }
        let isBatch: Bool
        let texts: [String]
        switch q {
        case .string(let text):
            isBatch = false
            texts = [text]
        case .array(let items):
            isBatch = true
            texts = items.map { $0.stringValue ?? $0.serialized() }
        default:
            isBatch = false
            texts = [q.serialized()]
        }
        if isBatch, let limit = options.batchLimit, texts.count > limit {
            return Self.error(400, "Invalid request: request (\(texts.count)) exceeds text limit (\(limit))")
        }
        if let limit = options.charLimit {
            let size = texts.reduce(0) { $0 + $1.unicodeScalars.count }
            if size > limit { return Self.error(400, "Invalid request: request (\(size)) exceeds text limit (\(limit))") }
        }
        var detected: (String, Double)?
        var source = sourceCode
        if sourceCode == "auto" {
            // The whole batch is detected once (from its first text, as the transcript shows).
            let guess = FakeLanguageGuess.libreTranslate(texts.first ?? "")
            detected = guess
            source = guess.0
        }
        guard let sourceEntry = options.languages.first(where: { $0.code == source }) else {
            return Self.error(400, "\(source) is not supported")
        }
        guard sourceEntry.targets.contains(targetCode) else { return Self.error(400, "\(targetCode) is not supported") }
        let format = fields.string("format") ?? "text"
        guard format == "text" || format == "html" else { return Self.error(400, "\(format) format is not supported") }

        let translate: (String) -> String = { text in
            guard source != targetCode, text.contains(where: \.isLetter) else { return text }
            let one: (String) -> String = { behaviour.translate($0, source: source, target: targetCode, default: Self.defaultTranslator) }
            return format == "html" ? FakeHTML.mapTextNodes(text, one) : one(text)
        }
        let outputs = behaviour.counted(texts.map(translate))
        let alternativeLists: [[String]] = format == "html" ? texts.map { _ in [] } : texts.map { text in
            (0..<alternatives).map { "[\(targetCode) alt \($0 + 1)] \(text)" }
        }
        var members: [FakeJSON.Member] = []
        if alternatives > 0 {
            let lists = alternativeLists.map { FakeJSON.array($0.map(FakeJSON.string)) }
            members.append(.init(key: "alternatives", value: isBatch ? .array(lists) : lists[0]))
        }
        if let (language, confidence) = detected {
            let one = FakeJSON.object(["confidence": .double(confidence), "language": .string(language)])
            members.append(.init(key: "detectedLanguage", value: isBatch ? .array(texts.map { _ in one }) : one))
        }
        let translated: FakeJSON = isBatch || outputs.count != 1 ? .array(outputs.map(FakeJSON.string)) : .string(outputs[0])
        members.append(.init(key: "translatedText", value: translated))
        return Self.json(.object(members))
    }

    private func detect(_ fields: Fields) -> FakeResponse {
        guard let q = fields.q, q != .string(""), q != .array([]) else { return Self.error(400, "Invalid request: missing q parameter") }
        let texts: [String]
        if case .array(let items) = q { texts = items.map { $0.stringValue ?? "" } } else { texts = [q.stringValue ?? ""] }
        let results = texts.map { text -> FakeJSON in
            let (language, confidence) = FakeLanguageGuess.libreTranslate(text)
            return .object(["confidence": .double(confidence), "language": .string(language)])
        }
        return Self.json(.array(results))
    }

    private func frontendSettings(_ options: FakeLibreTranslate.Options) -> FakeJSON {
        let formats = [".txt", ".odt", ".odp", ".docx", ".pptx", ".epub", ".html", ".srt", ".pdf"]
        let target = options.languages.first { $0.code == "es" } ?? options.languages.first
        return .object([
            "apiKeys": .bool(options.requiredAPIKey != nil),
            "charLimit": .int(options.charLimit ?? -1),
            "filesTranslation": .bool(true),
            "frontendTimeout": .int(500),
            "keyRequired": .bool(options.requiredAPIKey != nil),
            "language": .object([
                "source": .object(["code": .string("auto"), "name": .string("Auto Detect")]),
                "target": .object(["code": .string(target?.code ?? "en"), "name": .string(target?.name ?? "English")]),
            ]),
            "suggestions": .bool(false),
            "supportedFilesFormat": .array(formats.map(FakeJSON.string)),
        ])
    }

    // MARK: - Helpers

    /// Flask's `jsonify`: sorted keys, trailing newline, CORS on every answer.
    static func json(_ value: FakeJSON, status: Int = 200, reason: String = "OK") -> FakeResponse {
        cors(.json(status, reason, value, sortedKeys: true, trailingNewline: true))
    }

    /// `{"error": message}` with werkzeug's reason phrase.
    static func error(_ status: Int, _ message: String) -> FakeResponse {
        json(.object(["error": .string(message)]), status: status, reason: (WerkzeugPage.pages[status]?.0 ?? "Error").uppercased())
    }

    static func cors(_ response: FakeResponse) -> FakeResponse {
        var response = response
        response.headers.append(("Access-Control-Allow-Origin", "*"))
        return response
    }

    /// The request's fields: a JSON object body when the content type is JSON, else the form
    /// and query.
    struct Fields {
        var json: FakeJSON?
        var form: [(String, String)] = []
        var isJSON: Bool { json != nil }

        struct Failure: Error {
            var response: FakeResponse
        }

        init(_ request: FakeRequest) throws(Failure) {
            let type = (request.contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if type == "application/json" {
                let value: FakeJSON
                do {
                    value = try FakeJSON.parse(request.body)
                } catch {
                    throw Failure(response: LibreTranslateDialect.error(400, "The browser (or proxy) sent a request that this server could not understand."))
                }
                guard case .object = value else { throw Failure(response: LibreTranslateDialect.error(400, "Invalid JSON format")) }
                json = value
            } else {
                form = request.formFields
            }
        }

        func value(_ name: String) -> FakeJSON? {
            if let json { return json[name] }
            return form.last { $0.0 == name }.map { .string($0.1) }
        }

        func string(_ name: String) -> String? {
            guard let value = value(name) else { return nil }
            switch value {
            case .string(let text): return text
            case .null: return nil
            default: return value.serialized()
            }
        }

        var q: FakeJSON? {
            guard let q = value("q"), q != .null else { return nil }
            return q
        }
    }
}
