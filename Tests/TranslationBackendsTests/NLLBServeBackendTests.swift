import BackendFakes
import Foundation
import Languages
import ServiceConfiguration
import Testing
@testable import TranslationBackends

@Suite("nllb-serve client against its fake")
struct NLLBServeBackendTests {
    func backend(_ fake: FakeNLLBServe, configure: (inout BackendSettings) -> Void = { _ in }) -> NLLBServeBackend {
        NLLBServeBackend(settings: backendSettings(.nllbServe, fake.baseURL, configure: configure), httpClient: testHTTPClient)
    }

    static let tenSentences = (1...10).map { "Sentence number \($0) has a few more words in it so that the whole text is long." }

    @Test func translatesOneTextAsAJSONList() async throws {
        try await FakeNLLBServe.withServer { fake in
            let output = try await backend(fake).translate(["Hello world"], pair: enHA, format: .text, timeout: .seconds(5))
            #expect(output == ["[hau_Latn] Hello world"])
            let request = try #require(fake.requests.last)
            #expect(request.method == "POST" && request.uri == "/translate")
            #expect(request.contentType == "application/json")
            let body = try #require(jsonObject(request.body))
            #expect(body as NSDictionary == ["source": ["Hello world"], "src_lang": "eng_Latn", "tgt_lang": "hau_Latn"] as NSDictionary)
        }
    }

    @Test func sendsTenSentencesAsOneListAndRejoinsThemInOrder() async throws {
        try await FakeNLLBServe.withServer { fake in
            let separators = [" ", "  ", "\n", " ", "\n\n", " ", " ", "\t", " "]
            var text = ""
            for (index, sentence) in Self.tenSentences.enumerated() {
                text += sentence + (index < separators.count ? separators[index] : "")
            }
            #expect(text.split(whereSeparator: \.isWhitespace).count > FakeNLLBServe.maxOutputTokens)
            let output = try await backend(fake).translate([text], pair: enHA, format: .text, timeout: .seconds(5))
            #expect(fake.requestCount == 1)
            #expect(fake.receivedLists == [Self.tenSentences])
            var expected = ""
            for (index, sentence) in Self.tenSentences.enumerated() {
                expected += "[hau_Latn] " + sentence + (index < separators.count ? separators[index] : "")
            }
            #expect(output == [expected])
        }
    }

    @Test func withoutSplittingTheServerWouldTruncate() async throws {
        try await FakeNLLBServe.withServer { fake in
            let text = Self.tenSentences.joined(separator: " ")
            let raw = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                           body: #"{"source":[""# + text + #""],"src_lang":"eng_Latn","tgt_lang":"hau_Latn"}"#)
            let reply = try #require(jsonObject(Data(raw.body.utf8)))
            let translation = try #require((reply["translation"] as? [String])?.first)
            #expect(translation.split(separator: " ").count == FakeNLLBServe.maxOutputTokens)
        }
    }

    @Test func respectsTheBatchLimitAcrossTexts() async throws {
        try await FakeNLLBServe.withServer { fake in
            let client = backend(fake) { $0.maxBatchSize = 4 }
            let texts = [Self.tenSentences[0..<3].joined(separator: " "), Self.tenSentences[3], Self.tenSentences[4...].joined(separator: " ")]
            let output = try await client.translate(texts, pair: enHA, format: .text, timeout: .seconds(5))
            #expect(fake.batchSizes.sorted() == [2, 4, 4])
            #expect(fake.receivedLists.flatMap { $0 }.sorted() == Self.tenSentences.sorted())
            #expect(output == [
                Self.tenSentences[0..<3].map { "[hau_Latn] \($0)" }.joined(separator: " "),
                "[hau_Latn] \(Self.tenSentences[3])",
                Self.tenSentences[4...].map { "[hau_Latn] \($0)" }.joined(separator: " "),
            ])
        }
    }

    @Test func hardSplitsAnOverLongSentence() async throws {
        try await FakeNLLBServe.withServer { fake in
            let sentence = Array(repeating: "longword", count: 120).joined(separator: " ")
            let output = try await backend(fake).translate([sentence], pair: enHA, format: .text, timeout: .seconds(5))
            let list = try #require(fake.receivedLists.first)
            #expect(list.count == 4)
            #expect(list.allSatisfy { $0.unicodeScalars.count <= NLLBServeBackend.maxSentenceScalars })
            #expect(list.joined(separator: " ") == sentence)
            #expect(output[0].replacingOccurrences(of: "[hau_Latn] ", with: "") == sentence)
        }
    }

    @Test func htmlKeepsItsTags() async throws {
        try await FakeNLLBServe.withServer { fake in
            let output = try await backend(fake).translate(["<p>Hello world. <i>Bye</i></p>"], pair: enHA, format: .html, timeout: .seconds(5))
            #expect(output == ["<p>[hau_Latn] Hello world. <i>[hau_Latn] Bye</i></p>"])
            #expect(fake.receivedLists == [["Hello world.", "Bye"]])
        }
    }

    @Test func healthAndCapabilities() async throws {
        try await FakeNLLBServe.withServer { fake in
            try await backend(fake).probeHealth()
            #expect(fake.requests.last?.uri == "/")
            let output1 = try await backend(fake).discoverCapabilities()
            #expect(output1.pairs.count == 56)
        }
    }

    @Test func aWrongBasePathGivesTheHTML404() async throws {
        try await FakeNLLBServe.withServer { fake in
            let client = NLLBServeBackend(settings: backendSettings(.nllbServe, fake.baseURL + "/nllb"), httpClient: testHTTPClient)
            let (error, _) = await failure { try await client.translate(["Hello world"], pair: enHA, format: .text, timeout: .seconds(5)) }
            #expect(error == .rejected(status: 404, message: "404 Not Found"))
        }
    }

    @Test func thePlainTextBadRequestMessageIsKept() async throws {
        try await FakeNLLBServe.withServer { fake in
            let raw = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json", body: "{}")
            #expect(raw.status == 400)
            #expect(raw.body == "Please submit 'source' parameter")
            let response = BackendHTTPResponse(status: 400, reason: "BAD REQUEST", contentType: raw.contentType, retryAfter: nil, body: Data(raw.body.utf8))
            #expect(NLLBServeBackend.errorMessage(response) == "Please submit 'source' parameter")
        }
    }
}
