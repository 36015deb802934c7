import Foundation

/// An in-process thammegowda/nllb-serve (no transcript exists; built from BACKENDS.md and the
/// interop replica): `GET|POST /translate` with `source` a string or a list (one batch),
/// `src_lang`/`tgt_lang` (defaults `eng_Latn` → `kan_Knda`), JSON only when `Content-Type` is
/// exactly `application/json`; `{"source","translation","src_lang","tgt_lang","time_taken",
/// "time_units"}` with sorted keys; plain-text 400 and werkzeug HTML 400/404/405/500;
/// `GET /` → 200.
///
/// Its translation is `"[<tgt_lang>] " + text` (e.g. `"[hau_Latn] Hello"`), unless a test sets
/// ``FakeBackendServer/translator``, and like the real server every output is cut at
/// ``maxOutputTokens`` tokens (here: white-space separated words, the marker included).
public final class FakeNLLBServe: FakeBackendServer {
    /// nllb-serve's `max_length`: outputs longer than this are cut.
    public static let maxOutputTokens = 80

    public let control: FakeServerControl

    private init(control: FakeServerControl) {
        self.control = control
    }

    /// Starts a fake on a free 127.0.0.1 port.
    public static func start() async throws(FakeServerError) -> FakeNLLBServe {
        let control = FakeServerControl(dialect: NLLBServeDialect())
        try await control.start()
        return FakeNLLBServe(control: control)
    }

    /// Runs `body` with a started fake and stops it afterwards, also when `body` throws.
    public static func withServer<T>(_ body: (FakeNLLBServe) async throws -> T) async throws -> T {
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

    /// The `source` lists of the JSON translation requests received, in arrival order.
    public var receivedLists: [[String]] {
        requests.compactMap { request in
            guard request.path == "/translate", request.contentType == "application/json",
                  case .array(let items)? = (try? FakeJSON.parse(request.body))?["source"] else { return nil }
            return items.compactMap(\.stringValue)
        }
    }
}

/// nllb-serve's behaviour (Flask + transformers).
struct NLLBServeDialect: FakeDialect {
    static let defaultTranslator: FakeTranslator = { text, _, target in "[\(target)] \(text)" }

    func translationBatchSize(_ request: FakeRequest) -> Int? {
        guard request.path == "/translate", request.method == "GET" || request.method == "POST" else { return nil }
        guard case .success(let input) = Self.input(of: request) else { return 0 }
        return input.sources.count
    }

    func serverError() -> FakeResponse {
        WerkzeugPage.response(500)
    }

    func rateLimited(retryAfter: Int?) -> FakeResponse {
        WerkzeugPage.response(429, headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    func respond(to request: FakeRequest, behaviour: FakeBehaviour) async -> FakeResponse {
        let started = ContinuousClock.now
        switch request.path {
        case "/":
            guard ["GET", "HEAD", "OPTIONS"].contains(request.method) else {
                return WerkzeugPage.response(405, headers: [("Allow", "GET, HEAD, OPTIONS")])
            }
            return FakeResponse(status: 200, reason: "OK", contentType: "text/html; charset=utf-8",
                                body: "<!doctype html><title>NLLB Serve</title><p>POST /translate</p>\n")
        case "/translate":
            guard ["GET", "POST"].contains(request.method) else {
                return WerkzeugPage.response(405, headers: [("Allow", "GET, HEAD, OPTIONS, POST")])
            }
        default:
            return WerkzeugPage.response(404)
        }
        let input: Input
        switch Self.input(of: request) {
        case .success(let value): input = value
        case .failure(let failure): return failure.response
        }
        let outputs = behaviour.counted(input.sources.map { source in
            Self.truncated(behaviour.translate(source, source: input.sourceLanguage, target: input.targetLanguage, default: Self.defaultTranslator))
        })
        let elapsed = started.duration(to: .now)
        let seconds = ((Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000).rounded() / 1000
        let body = FakeJSON.object([
            "source": .array(input.sources.map(FakeJSON.string)),
            "translation": .array(outputs.map(FakeJSON.string)),
            "src_lang": .string(input.sourceLanguage),
            "tgt_lang": .string(input.targetLanguage),
            "time_taken": .double(seconds),
            "time_units": .string("s"),
        ])
        return .json(200, "OK", body, sortedKeys: true, trailingNewline: true)
    }

    /// `text` cut to ``FakeNLLBServe/maxOutputTokens`` words.
    static func truncated(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count > FakeNLLBServe.maxOutputTokens else { return text }
        return words.prefix(FakeNLLBServe.maxOutputTokens).joined(separator: " ")
    }

    // MARK: - Reading the request

    struct Input {
        var sources: [String]
        var sourceLanguage: String
        var targetLanguage: String
    }

    struct Failure: Error {
        var response: FakeResponse
    }

    /// Flask's reading: JSON only for exactly `application/json`, else form and query.
    static func input(of request: FakeRequest) -> Result<Input, Failure> {
        var sources: [String] = []
        var sourceLanguage: String?
        var targetLanguage: String?
        if request.method == "POST", request.contentType == "application/json" {
            let value: FakeJSON
            do {
                value = try FakeJSON.parse(request.body)
            } catch {
                return .failure(Failure(response: WerkzeugPage.response(400)))
            }
            guard case .object = value else { return .failure(Failure(response: WerkzeugPage.response(500))) }
            switch value["source"] {
            case .string(let text)?: sources = [text]
            case .array(let items)?:
                let texts = items.compactMap(\.stringValue)
                guard texts.count == items.count else { return .failure(Failure(response: WerkzeugPage.response(500))) }
                sources = texts
            case nil, .null?: sources = []
            default: return .failure(Failure(response: WerkzeugPage.response(500)))
            }
            sourceLanguage = value["src_lang"]?.stringValue
            targetLanguage = value["tgt_lang"]?.stringValue
        } else {
            let fields = request.method == "GET" ? FakeRequest(method: "GET", uri: request.uri).formFields : request.formFields
            sources = fields.filter { $0.0 == "source" }.map(\.1)
            sourceLanguage = fields.first { $0.0 == "src_lang" }?.1
            targetLanguage = fields.first { $0.0 == "tgt_lang" }?.1
        }
        guard !sources.isEmpty else {
            return .failure(Failure(response: FakeResponse(status: 400, reason: "BAD REQUEST", contentType: "text/html; charset=utf-8",
                                                           body: "Please submit 'source' parameter")))
        }
        return .success(Input(sources: sources, sourceLanguage: nonEmpty(sourceLanguage) ?? "eng_Latn",
                              targetLanguage: nonEmpty(targetLanguage) ?? "kan_Knda"))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
