import BackendFakes
import Foundation
import Languages
import ServiceConfiguration
import Testing
@testable import TranslationBackends

@Suite("nllb-api client against its fake")
struct NLLBAPIBackendTests {
    func backend(_ fake: FakeNLLBAPI, configure: (inout BackendSettings) -> Void = { _ in }) -> NLLBAPIBackend {
        NLLBAPIBackend(settings: backendSettings(.nllbAPI, fake.baseURL, configure: configure), httpClient: testHTTPClient)
    }

    @Test func translatesOneTextWithNLLBCodes() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let pair = LanguagePair(.arabic, .swahili)
            let output = try await backend(fake).translate(["مرحبا بالعالم"], pair: pair, format: .text, timeout: .seconds(5))
            #expect(output == ["[swh_Latn] مرحبا بالعالم"])
            let request = try #require(fake.requests.last)
            #expect(request.method == "POST" && request.uri == "/api/v4/translator")
            #expect(request.contentType == "application/json")
            let body = try #require(jsonObject(request.body))
            #expect(body as NSDictionary == ["text": "مرحبا بالعالم", "source": "arb_Arab", "target": "swh_Latn"] as NSDictionary)
        }
    }

    @Test func severalTextsBecomeBoundedConcurrentSingleRequests() async throws {
        try await FakeNLLBAPI.withServer { fake in
            fake.fault = .delay(.milliseconds(60))
            let client = backend(fake) { $0.maxConcurrency = 2 }
            #expect(client.batchLimit == 1)
            let texts = (1...6).map { "Text number \($0)" }
            let output = try await client.translate(texts, pair: enES, format: .text, timeout: .seconds(5))
            #expect(output == texts.map { "[spa_Latn] \($0)" })
            #expect(fake.batchSizes == Array(repeating: 1, count: 6))
            #expect(fake.maxConcurrentRequests == 2)
        }
    }

    @Test func theLimitHoldsAcrossConcurrentCalls() async throws {
        try await FakeNLLBAPI.withServer { fake in
            fake.fault = .delay(.milliseconds(40))
            let client = backend(fake) { $0.maxConcurrency = 3 }
            try await withThrowingTaskGroup(of: [String].self) { group in
                for call in 0..<4 {
                    group.addTask { try await client.translate(["Call \(call) a", "Call \(call) b"], pair: enES, format: .text, timeout: .seconds(5)) }
                }
                for try await output in group { #expect(output.count == 2) }
            }
            #expect(fake.requestCount == 8)
            #expect(fake.maxConcurrentRequests <= 3)
        }
    }

    @Test func oneFailedTextFailsTheCall() async throws {
        try await FakeNLLBAPI.withServer { fake in
            fake.translator = { text, _, target in text == "poison pill text" ? text : "[\(target)] \(text)" }
            let (error, _) = await failure { try await backend(fake).translate(["Hello there", "poison pill text"], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .echoedInput)
        }
    }

    @Test func splitsTextsOverTheLimitAtSentences() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let sentence = "This sentence is part of a very long message that goes on and on for a while. "
            let text = String(repeating: sentence, count: 80) + "The end."
            #expect(text.unicodeScalars.count > 4096)
            let output = try await backend(fake) { $0.maxConcurrency = 1 }.translate([text], pair: enES, format: .text, timeout: .seconds(10))
            let sent = fake.receivedTexts
            // Pieces of at most maxTextScalars (1000), cut between sentences; they may arrive in
            // any order, but the output puts them back in the text's order.
            #expect(sent.count >= (text.unicodeScalars.count + NLLBAPIBackend.maxTextScalars - 1) / NLLBAPIBackend.maxTextScalars)
            #expect(sent.allSatisfy { $0.unicodeScalars.count <= NLLBAPIBackend.maxTextScalars && $0.hasSuffix(".") && text.contains($0) })
            #expect(sent.map(\.unicodeScalars.count).reduce(0, +) + sent.count - 1 == text.unicodeScalars.count)
            #expect(output.count == 1)
            #expect(output.first?.hasPrefix("[spa_Latn] ") == true)
            #expect(output.first?.replacingOccurrences(of: "[spa_Latn] ", with: "") == text)
        }
    }

    @Test func splitsAnOverLongSentenceAtWords() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let text = Array(repeating: "word", count: 1500).joined(separator: " ")
            let output = try await backend(fake) { $0.maxConcurrency = 1 }.translate([text], pair: enES, format: .text, timeout: .seconds(10))
            let sent = fake.receivedTexts
            #expect(sent.count >= (text.unicodeScalars.count + NLLBAPIBackend.maxTextScalars - 1) / NLLBAPIBackend.maxTextScalars)
            #expect(sent.allSatisfy { $0.unicodeScalars.count <= NLLBAPIBackend.maxTextScalars && !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
            #expect(sent.map(\.unicodeScalars.count).reduce(0, +) + sent.count - 1 == text.unicodeScalars.count)
            #expect(output[0].replacingOccurrences(of: "[spa_Latn] ", with: "") == text)
        }
    }

    @Test func htmlKeepsItsTags() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let output = try await backend(fake) { $0.maxConcurrency = 1 }.translate(["<p>Hello <b>world</b>!</p>"], pair: enES, format: .html, timeout: .seconds(5))
            #expect(output == ["<p>[spa_Latn] Hello <b>[spa_Latn] world</b>!</p>"])
            #expect(fake.receivedTexts.sorted() == ["Hello", "world"])  // concurrent requests: any order
        }
    }

    @Test func nothingToTranslateIsNotSent() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let output = try await backend(fake).translate(["😀😀", "  ", ""], pair: enES, format: .text, timeout: .seconds(5))
            #expect(output == ["😀😀", "  ", ""])
            #expect(fake.requestCount == 0)
        }
    }

    @Test func healthAndCapabilities() async throws {
        try await FakeNLLBAPI.withServer { fake in
            try await backend(fake).probeHealth()
            #expect(fake.requests.last?.uri == "/api/health")
            let capabilities = try await backend(fake).discoverCapabilities()
            #expect(capabilities.pairs == Set(LanguagePair.all))
            #expect(capabilities.pairs.count == 56)
        }
    }

    @Test func aWrongBasePathGivesTheJSON404() async throws {
        try await FakeNLLBAPI.withServer { fake in
            let client = NLLBAPIBackend(settings: backendSettings(.nllbAPI, fake.baseURL + "/v3"), httpClient: testHTTPClient)
            let (error, _) = await failure { try await client.translate(["Hello world"], pair: enES, format: .text, timeout: .seconds(5)) }
            #expect(error == .rejected(status: 404, message: "Not Found"))
        }
    }

    @Test(arguments: NLLBAPITranscript.exchanges.filter { $0.status == 400 })
    func extractsTheServersValidationMessage(exchange: RecordedExchange) {
        let response = BackendHTTPResponse(status: 400, reason: "Bad Request", contentType: "application/json", retryAfter: nil,
                                           body: Data(exchange.responseBody.utf8))
        let message = NLLBAPIBackend.errorMessage(response)
        #expect(message.hasPrefix("Validation failed") || message.hasPrefix("Missing required") || message.hasPrefix("JSON is malformed"))
        if exchange.responseBody.contains("\"extra\"") {
            #expect(message.hasSuffix(")"))
        }
    }

    @Test func validationMessageNamesTheField() {
        let body = #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Expected `str` of length <= 4096","key":"text","source":"body"}]}"#
        let response = BackendHTTPResponse(status: 400, reason: "Bad Request", contentType: "application/json", retryAfter: nil, body: Data(body.utf8))
        #expect(NLLBAPIBackend.errorMessage(response) == "Validation failed for POST /api/v4/translator (text: Expected `str` of length <= 4096)")
    }
}
