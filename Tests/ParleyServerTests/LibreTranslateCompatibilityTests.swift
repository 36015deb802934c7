import BackendFakes
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import NIOCore
import ParleyServer
import ServiceConfiguration
import Testing
import TranslationBackends

/// The LibreTranslate-compatible routes, driven with the exact requests of the recorded
/// LibreTranslate 1.9.6 transcript and of protoimsg's chat server.
@Suite("LibreTranslate-compatible API")
struct LibreTranslateCompatibilityTests {
    func server(configure: @escaping (inout ParleyConfiguration) -> Void = { _ in }) throws -> (TestService, InProcessBackend) {
        let nllb = InProcessBackend(name: "nllb", kind: .nllbAPI)
        return (try TestService(configure: configure, backends: [nllb]), nllb)
    }

    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    static let jsonType: HTTPFields = [.contentType: "application/json"]

    @Test("protoimsg's chat-server request works unchanged")
    func chatServerRequest() async throws {
        let (server, _) = try server()
        try await server.test { client in
            let body = #"{"q": "Hello everyone, welcome to the room!", "source": "auto", "target": "es"}"#
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(body)) { response in
                #expect(response.status == .ok)
                let answer = object(response)
                #expect(answer["translatedText"] as? String == "[es|nllb] Hello everyone, welcome to the room!")
                let detected = answer["detectedLanguage"] as? [String: Any]
                #expect(detected?["language"] as? String == "en")
                let confidence = detected?["confidence"] as? Double ?? 0
                #expect(confidence > 50 && confidence <= 100)
            }
        }
    }

    /// deep-translator's `LibreTranslator` posts every field in the query string with an empty
    /// body; LibreTranslate reads it as a form (`+` is a space) and lets body fields win.
    @Test func queryStringFieldsAreFormDecodedAndTheBodyWins() async throws {
        let (server, _) = try server()
        try await server.test { client in
            try await client.execute(uri: "/translate?q=Hello+world%21&source=en&target=es&format=text", method: .post) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(object(response)["translatedText"] as? String == "[es|nllb] Hello world!")
            }
            try await client.execute(uri: "/translate?q=From+the+query&source=en&target=es", method: .post, headers: Self.form, body: json("q=From+the+body")) { response in
                #expect(object(response)["translatedText"] as? String == "[es|nllb] From the body")
            }
            try await client.execute(uri: "/translate?target=ru&source=en", method: .post, headers: Self.jsonType, body: json(#"{"q":"a+b","target":"es"}"#)) { response in
                #expect(object(response)["translatedText"] as? String == "[es|nllb] a+b", "JSON keeps its plus; the body's target wins")
            }
            try await client.execute(uri: "/detect?q=Bonjour+tout+le+monde%2C+comment+allez-vous", method: .post) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func invalidUTF8InAJSONBodyIsA400ThatSaysSo() async throws {
        let (server, _) = try server()
        try await server.test { client in
            var bytes = Array(#"{"q":"caf"#.utf8)
            bytes += [0xC3, 0x28]
            bytes += Array(#"","source":"en","target":"es"}"#.utf8)
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .badRequest)
                #expect((object(response)["error"] as? String)?.contains("not valid UTF-8 (an invalid byte sequence at byte 9)") == true, "\(response.text)")
            }
            var v1 = Array(#"{"texts":["ok","ba"#.utf8)
            v1 += [0xFF]
            v1 += Array(#"d"],"targets":["es"]}"#.utf8)
            try await client.execute(uri: "/v1/translate", method: .post, headers: Self.jsonType, body: ByteBuffer(bytes: v1)) { response in
                #expect(response.status == .badRequest)
                #expect(response.envelope?.error.code == "invalid_json")
                #expect(response.envelope?.error.message.contains("not valid UTF-8 (an invalid byte sequence at byte 18)") == true, "\(response.text)")
            }
        }
    }

    @Test func transcriptTranslateRequests() async throws {
        let (server, _) = try server()
        try await server.test { client in
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hello world. How are you?","source":"en","target":"es"}"#)) { response in
                #expect(response.status == .ok)
                #expect(object(response).keys.sorted() == ["translatedText"])
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.form, body: json("q=Hello world&source=en&target=es&format=text")) { response in
                #expect(object(response)["translatedText"] as? String == "[es|nllb] Hello world")
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":["Hello world","I see the book!"],"source":"en","target":"es"}"#)) { response in
                #expect(object(response)["translatedText"] as? [String] == ["[es|nllb] Hello world", "[es|nllb] I see the book!"])
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":["Hello world, this is English","Hola mundo, esto es español"],"source":"auto","target":"es","alternatives":1}"#)) { response in
                let answer = object(response)
                let detected = answer["detectedLanguage"] as? [[String: Any]] ?? []
                #expect(detected.map { $0["language"] as? String } == ["en", "es"])
                #expect((answer["alternatives"] as? [[String]])?.count == 2)
                #expect((answer["translatedText"] as? [String])?[1] == "Hola mundo, esto es español")  // es→es: unchanged
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hola","source":"es","target":"es"}"#)) { response in
                #expect(object(response)["translatedText"] as? String == "Hola")
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"😀😀","source":"auto","target":"es"}"#)) { response in
                #expect(object(response)["translatedText"] as? String == "😀😀")
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"<p class=\"x\">Hello <b>world</b></p>","source":"en","target":"es","format":"html"}"#)) { response in
                #expect(response.status == .ok)
            }
            // Hausa works here (LibreTranslate has no Hausa model).
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hello","source":"en","target":"ha"}"#)) { response in
                #expect(object(response)["translatedText"] as? String == "[ha|nllb] Hello")
            }
        }
    }

    @Test("the transcript's error requests get LibreTranslate's errors", arguments: [
        (#"{"source":"en","target":"es"}"#, "application/json", 400, "Invalid request: missing q parameter"),
        (#"{"q":"Hello","target":"es"}"#, "application/json", 400, "Invalid request: missing source parameter"),
        (#"{"q":"Hello","source":"en"}"#, "application/json", 400, "Invalid request: missing target parameter"),
        (#"{"q":"Hello","source":"en","target":"zz"}"#, "application/json", 400, "zz is not supported"),
        (#"{"q":"Hello","source":"en","target":"es","format":"markdown"}"#, "application/json", 400, "markdown format is not supported"),
        (#"{"q":"Hello","source":"en","target":"es","alternatives":"x"}"#, "application/json", 400, "Invalid request: alternatives parameter is not a number"),
        ("q=Hello&source=en&target=es&alternatives=x", "application/x-www-form-urlencoded", 400, "Invalid request: alternatives parameter is not a number"),
        (#"["not","an","object"]"#, "application/json", 400, "Invalid JSON format"),
        ("{bad json", "application/json", 400, "The browser (or proxy) sent a request that this server could not understand."),
    ])
    func errors(body: String, contentType: String, status: Int, message: String) async throws {
        let (server, _) = try server()
        try await server.test { client in
            try await client.execute(uri: "/translate", method: .post, headers: [.contentType: contentType], body: json(body)) { response in
                #expect(response.status.code == status)
                #expect(object(response)["error"] as? String == message, "\(response.text)")
            }
        }
    }

    @Test func notFoundAndWrongMethodAreJSON() async throws {
        let (server, _) = try server()
        try await server.test { client in
            try await client.execute(uri: "/translate", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(object(response)["error"] is String)
            }
            try await client.execute(uri: "/nope", method: .post) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func backendFailureIs503NeverTheSourceText() async throws {
        let (server, nllb) = try server()
        nllb.fault = .fail(.serverError(status: 500, message: "boom"))
        try await server.test { client in
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hello everyone out there","source":"en","target":"es"}"#)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                #expect(object(response)["error"] is String)
                #expect(object(response)["translatedText"] == nil)
            }
        }
    }

    @Test func apiKeyInTheBody() async throws {
        let (server, _) = try server { $0.auth.anonymousScopes = [] }
        let (_, key) = try await server.key([.translate, .detect])
        try await server.test { client in
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hello","source":"en","target":"ha"}"#)) { response in
                #expect(response.status == .forbidden)
                #expect(object(response)["error"] is String)
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hello","source":"en","target":"ha","api_key":"\#(key)"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/translate", method: .post, headers: Self.form, body: json("q=Hello&source=en&target=ha&api_key=\(key)")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/detect", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hola","api_key":"pk_wrongwrongwrongwrongwrongwrongwrongwrong"}"#)) { response in
                #expect(response.status == .forbidden)
                #expect(object(response)["error"] as? String == "Invalid API key")
            }
        }
    }

    @Test func aMistypedApiKeyIsA400EvenBesideABearerKey() async throws {
        let (server, _) = try server { $0.auth.anonymousScopes = [] }
        let (_, key) = try await server.key([.translate, .detect])
        var withKey = Self.jsonType
        withKey[.authorization] = "Bearer \(key)"
        let bearer = withKey
        try await server.test { client in
            for body in [#"{"q":"Hola","api_key":["x"]}"#, #"{"q":"Hola","api_key":7}"#, #"{"q":"Hola","api_key":{"k":1}}"#] {
                for headers in [Self.jsonType, bearer] {
                    try await client.execute(uri: "/detect", method: .post, headers: headers, body: json(body)) { response in
                        #expect(response.status == .badRequest, "\(body)")
                        #expect(object(response)["error"] as? String == "Invalid request: api_key must be a string")
                    }
                }
            }
            // A huge alternatives count is not a crash, and a format that is not a string is a 400.
            try await client.execute(uri: "/translate", method: .post, headers: bearer,
                                     body: json(#"{"q":"Hola","source":"es","target":"en","alternatives":1e19}"#)) { response in
                #expect(response.status == .ok || response.status == .serviceUnavailable)
            }
            // … nor is one in a string, with the white space and sign Python's int() accepts.
            for text in [#""\u000b\t+875749452058607588019057485 ""#, #""-3""#, #"" 2 ""#] {
                try await client.execute(uri: "/translate", method: .post, headers: bearer,
                                         body: json(#"{"q":"Hola","source":"es","target":"en","alternatives":\#(text)}"#)) { response in
                    #expect(response.status == .ok || response.status == .serviceUnavailable, "alternatives \(text): \(response.status)")
                }
            }
            for text in [#""+""#, #""1.5""#, #""x1""#] {
                try await client.execute(uri: "/translate", method: .post, headers: bearer,
                                         body: json(#"{"q":"Hola","source":"es","target":"en","alternatives":\#(text)}"#)) { response in
                    #expect(response.status == .badRequest, "alternatives \(text): \(response.status)")
                }
            }
            try await client.execute(uri: "/translate", method: .post, headers: bearer,
                                     body: json(#"{"q":"Hola","source":"es","target":"en","format":{}}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(object(response)["error"] as? String == "Invalid request: format must be a string")
            }
            // null is absent: the bearer key decides.
            try await client.execute(uri: "/detect", method: .post, headers: bearer, body: json(#"{"q":"Hola","api_key":null}"#)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func detectRequestsFromTheTranscript() async throws {
        let (server, _) = try server()
        try await server.test { client in
            try await client.execute(uri: "/detect", method: .post, headers: Self.jsonType, body: json(#"{"q":"Hola, ¿cómo estás? Espero que todo vaya bien en la ciudad."}"#)) { response in
                let candidates = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
                #expect(candidates.first?["language"] as? String == "es")
                #expect((candidates.first?["confidence"] as? Double ?? 0) > 50)
                #expect(candidates.count <= 3)
            }
            try await client.execute(uri: "/detect", method: .post, headers: Self.form, body: json("q=Hello there my friend, how are you doing today?")) { response in
                let candidates = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
                #expect(candidates.first?["language"] as? String == "en")
            }
            try await client.execute(uri: "/detect", method: .post, headers: Self.jsonType, body: json(#"{"q":["Hello there my friend","Hola amigo mío, ¿qué tal?","Dia duit, conas atá tú?"]}"#)) { response in
                let candidates = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
                #expect(candidates.map { $0["language"] as? String } == ["en", "es", "ga"])
            }
            try await client.execute(uri: "/detect", method: .post, headers: Self.jsonType, body: json("{}")) { response in
                #expect(response.status == .badRequest)
                #expect(object(response)["error"] as? String == "Invalid request: missing q parameter")
            }
        }
    }

    @Test func languagesHealthAndSettings() async throws {
        let (server, _) = try server()
        await server.service.engine.monitor.probeAll()
        try await server.test { client in
            try await client.execute(uri: "/languages", method: .get) { response in
                let languages = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
                #expect(languages.count == 8)
                let hausa = languages.first { $0["code"] as? String == "ha" }
                #expect(hausa?["name"] as? String == "Hausa")
                #expect((hausa?["targets"] as? [String])?.contains("en") == true)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.text == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/frontend/settings", method: .get) { response in
                let settings = object(response)
                #expect(settings["charLimit"] as? Int == 5000)
                #expect((settings["language"] as? [String: Any]) != nil)
            }
        }
    }
}
