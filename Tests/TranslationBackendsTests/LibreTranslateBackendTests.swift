import BackendFakes
import Foundation
import Languages
import ServiceConfiguration
import Testing
@testable import TranslationBackends

@Suite("LibreTranslate client against its fake")
struct LibreTranslateBackendTests {
    func backend(_ fake: FakeLibreTranslate, configure: (inout BackendSettings) -> Void = { _ in }) -> LibreTranslateBackend {
        LibreTranslateBackend(settings: backendSettings(.libreTranslate, fake.baseURL, configure: configure), httpClient: testHTTPClient)
    }

    @Test func translatesOneText() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let output = try await backend(fake).translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output == ["[es] Hello world"])
            #expect(fake.requestCount == 1)
            let request = try #require(fake.requests.last)
            #expect(request.method == "POST" && request.path == "/translate")
            #expect(request.contentType == "application/json")
            let body = try #require(jsonObject(request.body))
            #expect(body["q"] as? [String] == ["Hello world"])
            #expect(body["source"] as? String == "en")
            #expect(body["target"] as? String == "es")
            #expect(body["format"] as? String == "text")
            #expect(body["api_key"] == nil)
        }
    }

    @Test func sendsABatchAsOneRequestInOrder() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let texts = ["Hello world", "I see the book!", "Good morning"]
            let output = try await backend(fake).translate(texts, pair: enES, format: .text, timeout: .seconds(5))
            #expect(output == texts.map { "[es] \($0)" })
            #expect(fake.batchSizes == [3])
        }
    }

    @Test func splitsABatchOverTheBatchLimit() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let client = backend(fake) { $0.maxBatchSize = 2 }
            #expect(client.batchLimit == 2)
            let texts = (1...5).map { "Sentence number \($0)" }
            let output = try await client.translate(texts, pair: enES, format: .text, timeout: .seconds(5))
            #expect(output == texts.map { "[es] \($0)" })
            #expect(fake.batchSizes.sorted() == [1, 2, 2])
        }
    }

    @Test func keepsHTMLMarkup() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let html = #"<p class="x">Hello <b>world</b></p>"#
            let output = try await backend(fake).translate([html], pair: enES, format: .html, timeout: .seconds(5))
            #expect(output == [#"<p class="x">[es] Hello <b>[es] world</b></p>"#])
            let request = try #require(fake.requests.last)
            let body = try #require(jsonObject(request.body))
            #expect(body["format"] as? String == "html")
        }
    }

    @Test func sendsTheAPIKeyInTheBodyOnly() async throws {
        var options = FakeLibreTranslate.Options()
        options.requiredAPIKey = "s3cret"
        try await FakeLibreTranslate.withServer(options: options) { fake in
            let output = try await backend(fake) { $0.apiKey = "s3cret" }.translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output == ["[es] Hello world"])
            #expect(fake.receivedAPIKeys == ["s3cret"])
            #expect(fake.requests.last?.uri == "/translate")

            let (wrong, _) = await failure { try await backend(fake) { $0.apiKey = "nope" }.translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(wrong == .rejected(status: 403, message: "Invalid API key"))
            let (missing, _) = await failure { try await backend(fake).translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(missing == .rejected(status: 403, message: "Please contact the server operator to get an API key"))
        }
    }

    @Test func parsesTheTranscriptLanguagesReply() throws {
        let entries = try JSONDecoder().decode([LibreTranslateBackend.LanguageEntry].self, from: Data(LibreTranslateTranscript.languagesReply.utf8))
        #expect(LibreTranslateBackend.pairs(from: entries) == [enES, LanguagePair(.spanish, .english)])
    }

    @Test func discoversPairsAndIgnoresUnknownCodes() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let client = backend(fake)
            #expect(client.knownCapabilities == nil)
            let capabilities = try await client.discoverCapabilities()
            let served: [Language] = [.english, .spanish, .russian, .arabic, .ukrainian, .irish]
            #expect(capabilities.pairs.count == 30)
            #expect(capabilities.pairs == Set(LanguagePair.all.filter { served.contains($0.source) && served.contains($0.target) }))
            #expect(!capabilities.pairs.contains { [.swahili, .hausa].contains($0.source) || [.swahili, .hausa].contains($0.target) })
            #expect(client.knownCapabilities == capabilities)
        }
    }

    @Test func discoversTheTranscriptServer() async throws {
        var options = FakeLibreTranslate.Options()
        options.languages = FakeLibreTranslate.transcriptLanguages
        try await FakeLibreTranslate.withServer(options: options) { fake in
            let capabilities = try await backend(fake).discoverCapabilities()
            #expect(capabilities.pairs == [enES, LanguagePair(.spanish, .english)])
        }
    }

    @Test func refusesAnUndiscoveredPairBeforeSending() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let client = backend(fake)
            _ = try await client.discoverCapabilities()
            let (error, _) = await failure { try await client.translate(["Hello world"], pair: enHA, format: .text, timeout: .seconds(5)) }
            #expect(error == .unsupportedPair(enHA))
            #expect(fake.requestCount == 0)
        }
    }

    @Test func mapsTheServersNotSupportedToUnsupportedPair() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let pair = LanguagePair(.english, .swahili)
            let (error, _) = await failure { try await backend(fake).translate(["Hello world"], pair: pair, format: .text, timeout: .seconds(5)) }
            #expect(error == .unsupportedPair(pair))
            #expect(fake.requestCount == 1)
        }
    }

    @Test func refusesSameLanguageWithoutSending() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let pair = LanguagePair(.english, .english)
            let (error, _) = await failure { try await backend(fake).translate(["Hello world"], pair: pair, format: .text, timeout: .seconds(5)) }
            #expect(error == .unsupportedPair(pair))
            #expect(fake.requestCount == 0)
            let none = try await backend(fake).translate([], pair: enES, format: .text, timeout: .seconds(5))
            #expect(none == [])
        }
    }

    @Test func probesHealth() async throws {
        try await FakeLibreTranslate.withServer { fake in
            try await backend(fake).probeHealth()
            #expect(fake.requests.last?.uri == "/health")
            fake.fault = .serverError
            let (error, _) = await failure { try await backend(fake).probeHealth() }
            #expect(error?.code == "backend_error")
        }
    }

    @Test func mapsTheHTML404OfAWrongBasePath() async throws {
        try await FakeLibreTranslate.withServer { fake in
            let client = LibreTranslateBackend(settings: backendSettings(.libreTranslate, fake.baseURL + "/libretranslate/"), httpClient: testHTTPClient)
            let (error, _) = await failure { try await client.translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .rejected(status: 404, message: "404 Not Found"))
            let (discovery, _) = await failure { try await client.discoverCapabilities() }
            #expect(discovery == .rejected(status: 404, message: "404 Not Found"))
        }
    }

    @Test func reportsTheServersLimitMessage() async throws {
        var options = FakeLibreTranslate.Options()
        options.charLimit = 20
        try await FakeLibreTranslate.withServer(options: options) { fake in
            let text = "Hello world, this is a longer sentence"
            let (error, _) = await failure { try await backend(fake).translate([text], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .rejected(status: 400, message: "Invalid request: request (\(text.count)) exceeds text limit (20)"))
            #expect(error?.isRetryable == true)  // another backend may take it
            #expect(error?.indicatesUnhealthyBackend == false)
        }
    }

    @Test func rateLimitMessageAndRetryAfter() async throws {
        try await FakeLibreTranslate.withServer { fake in
            fake.fault = .rateLimited
            let raw = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                           body: #"{"q":"Hello","source":"en","target":"es"}"#)
            #expect(raw.status == 429)
            #expect(raw.body == "{\"error\":\"Slowdown: 2 per 1 minute\"}\n")
            let (error, _) = await failure { try await backend(fake).translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .rateLimited(retryAfterSeconds: nil))
        }
    }
}
