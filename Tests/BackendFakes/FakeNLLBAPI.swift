import Foundation

/// An in-process winstxnhdw/nllb-api 4.x: `GET|POST /api/v4/translator`, `/api/health`,
/// `/api/v4/translator/tokens`, `/api/v4/language`, with litestar's JSON errors
/// (`{"status_code","detail","extra":[{"message","key","source"}]}`, JSON 404/405, 401 on
/// DELETE/PUT) and msgspec's validation messages, keys in declaration order.
///
/// Its translation is `"[<target>] " + text` (e.g. `"[spa_Latn] Hello"`), unless a test sets
/// ``FakeBackendServer/translator``. Texts over 4096 characters are refused like the real one.
public final class FakeNLLBAPI: FakeBackendServer {
    public let control: FakeServerControl

    private init(control: FakeServerControl) {
        self.control = control
    }

    /// Starts a fake on a free 127.0.0.1 port.
    public static func start() async throws(FakeServerError) -> FakeNLLBAPI {
        let control = FakeServerControl(dialect: NLLBAPIDialect())
        try await control.start()
        return FakeNLLBAPI(control: control)
    }

    /// Runs `body` with a started fake and stops it afterwards, also when `body` throws.
    public static func withServer<T>(_ body: (FakeNLLBAPI) async throws -> T) async throws -> T {
        let fake = try await start()
        do {
            let result = try await body(fake)
            await fake.stop()
            return result
        } catch {
            await fake.stop()
            throw error
        }
    }

    /// The texts of the translation requests received, in arrival order.
    public var receivedTexts: [String] {
        requests.compactMap { request in
            guard request.path == "/api/v4/translator" else { return nil }
            if request.method == "GET" { return request.formField("text") }
            return (try? FakeJSON.parse(request.body))?["text"]?.stringValue
        }
    }
}

/// nllb-api 4.2's behaviour, as recorded in the transcript and replicated by
/// `Tests/Interop/nllb_server.py`.
struct NLLBAPIDialect: FakeDialect {
    static let defaultTranslator: FakeTranslator = { text, _, target in "[\(target)] \(text)" }
    static let maxLength = 4096

    private static let routes: [String: [String]] = [
        "/api/health": ["GET"],
        "/api/v4/translator": ["GET", "POST", "DELETE", "PUT"],
        "/api/v4/translator/tokens": ["GET", "POST"],
        "/api/v4/language": ["GET"],
    ]

    func translationBatchSize(_ request: FakeRequest) -> Int? {
        Self.normalizedPath(request) == "/api/v4/translator" && (request.method == "GET" || request.method == "POST") ? 1 : nil
    }

    func serverError() -> FakeResponse {
        .json(500, "Internal Server Error", .object(["detail": .string("Internal Server Error")]), sortedKeys: false, trailingNewline: false)
    }

    func rateLimited(retryAfter: Int?) -> FakeResponse {
        Self.error(429, "Too Many Requests", headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    func respond(to request: FakeRequest, behaviour: FakeBehaviour) async -> FakeResponse {
        let path = Self.normalizedPath(request)
        guard let methods = Self.routes[path] else { return Self.error(404, "Not Found") }
        guard methods.contains(request.method) else {
            return Self.error(405, "Method Not Allowed", headers: [("Allow", methods.sorted().joined(separator: ", "))])
        }
        switch path {
        case "/api/health":
            return Self.json(.object(["schemaVersion": .int(1), "label": .string("nllb-api"), "message": .string("online")]))
        case "/api/v4/translator" where request.method == "DELETE" || request.method == "PUT":
            return Self.error(401, "Unauthorized")
        case "/api/v4/translator":
            let fields = [Field(name: "text", kind: .text(max: Self.maxLength)), Field(name: "source", kind: .language("eng_Latn")),
                          Field(name: "target", kind: .language("spa_Latn"))]
            switch validate(request, fields: fields) {
            case .failure(let failure): return failure.response
            case .success(let values):
                let (text, source, target) = (values["text"] ?? "", values["source"] ?? "", values["target"] ?? "")
                let result = behaviour.translate(text, source: source, target: target, default: Self.defaultTranslator)
                return Self.json(.object(["result": .string(result)]))
            }
        case "/api/v4/translator/tokens":
            switch validate(request, fields: [Field(name: "text", kind: .text(max: request.method == "GET" ? nil : Self.maxLength))]) {
            case .failure(let failure): return failure.response
            case .success(let values):
                let pieces = (values["text"] ?? "").split { $0.isWhitespace || $0.isPunctuation }.count
                return Self.json(.object(["length": .int(pieces + 3)]))
            }
        default:
            switch validate(request, fields: [Field(name: "text", kind: .text(max: nil))]) {
            case .failure(let failure): return failure.response
            case .success(let values):
                let (language, confidence) = FakeLanguageGuess.nllb(values["text"] ?? "")
                return Self.json(.object(["language": .string(language), "confidence": .double(confidence)]))
            }
        }
    }

    // MARK: - Validation (msgspec's messages)

    private struct Field {
        enum Kind {
            /// A string of 1…max code points.
            case text(max: Int?)
            /// A FLORES-200 code, with its default for query parameters.
            case language(String)
        }

        var name: String
        var kind: Kind
    }

    /// The fields' values, or the 400 nllb-api answers. GET reads the query (text required,
    /// languages defaulted); POST a JSON body with every field required.
    private func validate(_ request: FakeRequest, fields: [Field]) -> Result<[String: String], ResponseFailure> {
        let isQuery = request.method == "GET"
        let failed = "Validation failed for \(request.method) \(request.uri)"
        var members: [(String, FakeJSON)] = []
        if isQuery {
            members = request.formFields.map { ($0.0, .string($0.1)) }
            if let missing = fields.first(where: { field in
                if case .language = field.kind { return false }
                return !members.contains { $0.0 == field.name }
            }) {
                return .failure(ResponseFailure(Self.error(400, "Missing required query parameter '\(missing.name)' for path \(request.uri)")))
            }
        } else {
            let value: FakeJSON
            do {
                value = try FakeJSON.parse(request.body)
            } catch {
                return .failure(ResponseFailure(Self.error(400, "JSON is malformed: \(error.reason) (byte \(error.offset))")))
            }
            guard case .object(let object) = value else {
                return .failure(ResponseFailure(Self.validationError(failed, "Expected `object`, got `\(value.msgspecTypeName)`", key: "data", source: "body")))
            }
            members = object.map { ($0.key, $0.value) }
        }
        let source = isQuery ? "query" : "body"
        var values: [String: String] = [:]
        for (key, value) in members {
            guard let field = fields.first(where: { $0.name == key }) else { continue }
            guard case .string(let text) = value else {
                return .failure(ResponseFailure(Self.validationError(failed, "Expected `str`, got `\(value.msgspecTypeName)`", key: key, source: source)))
            }
            switch field.kind {
            case .text(let max):
                if text.unicodeScalars.isEmpty {
                    return .failure(ResponseFailure(Self.validationError(failed, "Expected `str` of length >= 1", key: key, source: source)))
                }
                if let max, text.unicodeScalars.count > max {
                    return .failure(ResponseFailure(Self.validationError(failed, "Expected `str` of length <= \(max)", key: key, source: source)))
                }
            case .language:
                if !FLORES200.codes.contains(text) {
                    return .failure(ResponseFailure(Self.validationError(failed, "Invalid enum value '\(text)'", key: key, source: source)))
                }
            }
            values[key] = text
        }
        for field in fields where values[field.name] == nil {
            if isQuery, case .language(let fallback) = field.kind {
                values[field.name] = fallback
            } else {
                return .failure(ResponseFailure(Self.validationError(failed, "Object missing required field `\(field.name)`", key: "data", source: source)))
            }
        }
        return .success(values)
    }

    private struct ResponseFailure: Error {
        var response: FakeResponse
        init(_ response: FakeResponse) { self.response = response }
    }

    // MARK: - Helpers

    private static func normalizedPath(_ request: FakeRequest) -> String {
        var path = request.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static let reasons = [200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
                                  429: "Too Many Requests", 500: "Internal Server Error"]

    static func json(_ value: FakeJSON, status: Int = 200, headers: [(String, String)] = []) -> FakeResponse {
        .json(status, reasons[status] ?? "", value, sortedKeys: false, trailingNewline: false, headers: headers)
    }

    static func error(_ status: Int, _ detail: String, headers: [(String, String)] = []) -> FakeResponse {
        json(.object(["status_code": .int(status), "detail": .string(detail)]), status: status, headers: headers)
    }

    static func validationError(_ detail: String, _ message: String, key: String, source: String) -> FakeResponse {
        json(.object([
            "status_code": .int(400),
            "detail": .string(detail),
            "extra": .array([.object(["message": .string(message), "key": .string(key), "source": .string(source)])]),
        ]), status: 400)
    }
}
