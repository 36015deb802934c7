import BackendFakes
import Foundation
import Testing

/// The fakes answer the transcripts' recorded requests as the real servers did: same status,
/// same content type, and the same body — byte for byte where no model wrote it, else the same
/// JSON shape.
@Suite("Fakes replay the recorded transcripts")
struct FakeReplayTests {
    static func check(_ exchange: RecordedExchange, against answer: RawAnswer) {
        #expect(answer.status == exchange.status, "\(exchange.command)")
        let recordedType = exchange.responseContentType.split(separator: ";")[0]
        #expect(answer.contentType.hasPrefix(String(recordedType)), "\(exchange.command): \(answer.contentType)")
        let body = answer.body.trimmingCharacters(in: .newlines)
        let recorded = exchange.responseBody.trimmingCharacters(in: .newlines)
        if exchange.dependsOnModel {
            #expect(jsonShape(body) != nil, "\(exchange.command): \(body)")
            #expect(jsonShape(body) == jsonShape(recorded), "\(exchange.command): \(body)")
        } else {
            #expect(body == recorded, "\(exchange.command)")
        }
    }

    @Test(arguments: LibreTranslateTranscript.exchanges)
    func libreTranslate(exchange: RecordedExchange) async throws {
        var options = FakeLibreTranslate.Options()
        options.languages = FakeLibreTranslate.transcriptLanguages
        try await FakeLibreTranslate.withServer(options: options) { fake in
            let answer = try await rawRequest(fake.baseURL, method: exchange.method, uri: exchange.uri,
                                              contentType: exchange.contentType, body: exchange.body)
            Self.check(exchange, against: answer)
            #expect(answer.headers.contains { $0.0.lowercased() == "access-control-allow-origin" && $0.1 == "*" })
        }
    }

    @Test(arguments: NLLBAPITranscript.exchanges)
    func nllbAPI(exchange: RecordedExchange) async throws {
        try await FakeNLLBAPI.withServer { fake in
            let answer = try await rawRequest(fake.baseURL, method: exchange.method, uri: exchange.uri,
                                              contentType: exchange.contentType, body: exchange.body)
            Self.check(exchange, against: answer)
        }
    }

    @Test func libreTranslateKeysAreSortedAndDetectionIsPerItem() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let answer = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                              body: #"{"q":["Hello world, this is English","Hola mundo, esto es español"],"source":"auto","target":"es","alternatives":1}"#)
            #expect(answer.body.hasPrefix(#"{"alternatives":[["#))
            #expect(answer.body.contains(#""detectedLanguage":[{"confidence":100.0,"language":"en"},{"confidence":100.0,"language":"en"}],"translatedText":["#))
            let single = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                              body: #"{"q":"Hello world","source":"en","target":"es"}"#)
            #expect(single.body == "{\"translatedText\":\"[es] Hello world\"}\n")
        }
    }

    @Test func nllbAPIKeepsDeclarationOrderAnd405() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let answer = try await rawRequest(fake.baseURL, method: "POST", uri: "/api/health")
            #expect(answer.status == 405)
            #expect(answer.body == #"{"status_code":405,"detail":"Method Not Allowed"}"#)
            let translated = try await rawRequest(fake.baseURL, method: "GET", uri: "/api/v4/translator?text=Hello%20world&source=eng_Latn&target=spa_Latn")
            #expect(translated.body == #"{"result":"[spa_Latn] Hello world"}"#)
        }
    }

    @Test func nllbServeSpeaksFlask() async throws {
        try await FakeNLLBServe.withServer { fake in
            let root = try await rawRequest(fake.baseURL, method: "GET", uri: "/")
            #expect(root.status == 200)
            let list = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                            body: #"{"source":["Hello world","Bye"],"src_lang":"eng_Latn","tgt_lang":"hau_Latn"}"#)
            #expect(list.status == 200)
            #expect(list.body.hasPrefix(#"{"source":["Hello world","Bye"],"src_lang":"eng_Latn","tgt_lang":"hau_Latn","time_taken":"#))
            #expect(list.body.hasSuffix(#","time_units":"s","translation":["[hau_Latn] Hello world","[hau_Latn] Bye"]}"# + "\n"))
            // JSON only for exactly application/json: with a charset it is read as a form, which has no source.
            let charset = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json; charset=utf-8",
                                               body: #"{"source":["Hello"]}"#)
            #expect(charset.status == 400 && charset.body == "Please submit 'source' parameter")
            let form = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/x-www-form-urlencoded",
                                            body: "source=Hello")
            #expect(form.body.contains(#""tgt_lang":"kan_Knda","time_taken""#))
            let query = try await rawRequest(fake.baseURL, method: "GET", uri: "/translate?source=Hi&tgt_lang=spa_Latn")
            #expect(query.body.contains(#""translation":["[spa_Latn] Hi"]"#))
            let badJSON = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json", body: "{bad")
            #expect(badJSON.status == 400 && badJSON.body.contains("<title>400 Bad Request</title>"))
            let notObject = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json", body: "[1]")
            #expect(notObject.status == 500 && notObject.body.contains("<title>500 Internal Server Error</title>"))
            let missing = try await rawRequest(fake.baseURL, method: "GET", uri: "/nope")
            #expect(missing.status == 404 && missing.body.contains("<title>404 Not Found</title>"))
            let wrongMethod = try await rawRequest(fake.baseURL, method: "DELETE", uri: "/translate")
            #expect(wrongMethod.status == 405)
        }
    }
}

extension RecordedExchange: CustomTestStringConvertible {
    public var testDescription: String { command }
}
