import AsyncHTTPClient
import Foundation
import Languages
import ServiceConfiguration
import Testing
@testable import TranslationBackends

@Suite("Backend internals")
struct InternalsTests {
    @Test(arguments: [
        "Hello world. How are you?  Fine!\nNext line.",
        "  leading and trailing  ",
        "One sentence without end",
        "😀 and 123. Then words.",
        "",
    ])
    func aPlanRejoinsToTheInputWithIdentityTranslations(text: String) {
        for mode in [TextPlan.Mode.sentences(maxScalars: 10), .sentences(maxScalars: 300), .chunks(maxScalars: 12), .chunks(maxScalars: 4096)] {
            let plan = TextPlan(text, locale: "en", format: .text, mode: mode)
            #expect(plan.rejoined(with: plan.segments) == text)
            #expect(plan.segments.allSatisfy { $0.first?.isWhitespace == false && $0.last?.isWhitespace == false })
        }
    }

    @Test func sentencesModeSendsEachSentence() {
        let plan = TextPlan("Hello world. How are you?  Fine!", locale: "en", format: .text, mode: .sentences(maxScalars: 300))
        #expect(plan.segments == ["Hello world.", "How are you?", "Fine!"])
        #expect(plan.rejoined(with: ["A.", " B? ", "C!"]) == "A. B?  C!")
    }

    @Test func chunksModePacksSentences() {
        let plan = TextPlan("Aa bb. Cc dd. Ee ff.", locale: "en", format: .text, mode: .chunks(maxScalars: 14))
        #expect(plan.segments == ["Aa bb. Cc dd.", "Ee ff."])
    }

    @Test func htmlTagsAndTextWithoutLettersStayVerbatim() {
        let plan = TextPlan("<p class=\"a\">Hi <!-- x --> there</p> <br/> 42 😀", locale: "en", format: .html, mode: .sentences(maxScalars: 300))
        #expect(plan.segments == ["Hi", "there", "42 😀"])
        #expect(plan.rejoined(with: plan.segments) == "<p class=\"a\">Hi <!-- x --> there</p> <br/> 42 😀")
    }

    @Test func splitCutsAfterWhiteSpaceOrBetweenCharacters() {
        #expect(TextPlan.split("aaa bbb ccc", maxScalars: 8) == ["aaa bbb ", "ccc"])
        #expect(TextPlan.split("abcdefghij", maxScalars: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func echoNeedsTwoWordsAndTwelveCharacters() {
        #expect(EchoGuard.isNonTrivial("Hello world!"))
        #expect(!EchoGuard.isNonTrivial("Hello world"))
        #expect(!EchoGuard.isNonTrivial("Supercalifragilistic"))
        #expect(!EchoGuard.isNonTrivial("12345 678901 234"))
        #expect(throws: BackendError.echoedInput) {
            try EchoGuard.check(inputs: ["Hello there, friend"], outputs: ["Hello there, friend"], pair: LanguagePair(.english, .spanish))
        }
        #expect(throws: Never.self) {
            try EchoGuard.check(inputs: ["Hello there, friend"], outputs: ["Hello there, friend"], pair: LanguagePair(.english, .english))
            try EchoGuard.check(inputs: ["Hello there, friend"], outputs: ["Hello there, friend "], pair: LanguagePair(.english, .spanish))
        }
    }

    @Test func retryAfterReadsSecondsAndDates() {
        #expect(RetryAfter.seconds(from: "7") == 7)
        #expect(RetryAfter.seconds(from: nil) == nil)
        #expect(RetryAfter.seconds(from: "soon") == nil)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.seconds(from: "Tue, 14 Nov 2023 22:13:40 GMT", now: now) == 20)
    }

    @Test func statusMapping() {
        func response(_ status: Int, _ body: String = "", retryAfter: String? = nil) -> BackendHTTPResponse {
            BackendHTTPResponse(status: status, reason: "Reason", contentType: "application/json", retryAfter: retryAfter, body: Data(body.utf8))
        }
        #expect(BackendHTTP.error(for: response(200), message: LibreTranslateBackend.errorMessage) == nil)
        #expect(BackendHTTP.error(for: response(429, retryAfter: "2"), message: LibreTranslateBackend.errorMessage) == .rateLimited(retryAfterSeconds: 2))
        #expect(BackendHTTP.error(for: response(400, #"{"error":"zz is not supported"}"#), message: LibreTranslateBackend.errorMessage)
            == .rejected(status: 400, message: "zz is not supported"))
        #expect(BackendHTTP.error(for: response(503, ""), message: LibreTranslateBackend.errorMessage) == .serverError(status: 503, message: "503 Reason"))
        #expect(BackendHTTP.error(for: response(304), message: LibreTranslateBackend.errorMessage)?.code == "backend_malformed_response")
    }

    @Test func transportErrorsMap() {
        #expect(BackendHTTP.map(HTTPClientError.deadlineExceeded) == .timeout)
        #expect(BackendHTTP.map(HTTPClientError.connectTimeout) == .timeout)
        #expect(BackendHTTP.map(CancellationError()) == .timeout)
        #expect(BackendHTTP.map(HTTPClientError.remoteConnectionClosed).code == "backend_unavailable")
    }

    @Test(arguments: BackendKind.allCases)
    func theFactoryBuildsTheRightClient(kind: BackendKind) {
        var settings = BackendSettings(name: "b", kind: kind, url: "http://127.0.0.1:1/")
        settings.maxBatchSize = 8
        let backend = BackendFactory.make(settings, httpClient: testHTTPClient)
        #expect(backend.settings == settings)
        switch kind {
        case .libreTranslate: #expect(backend is LibreTranslateBackend && backend.batchLimit == 8)
        case .nllbAPI: #expect(backend is NLLBAPIBackend && backend.batchLimit == 1)
        case .nllbServe: #expect(backend is NLLBServeBackend && backend.batchLimit == 8)
        }
    }

    @Test func theLimiterStopsWaitingWhenCancelled() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        let holder = Task {
            try await limiter.withPermit { () async throws(BackendError) -> Int in
                try? await Task.sleep(for: .seconds(5))
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        let waiter = Task { () async -> BackendError? in
            do throws(BackendError) {
                _ = try await limiter.withPermit { () async throws(BackendError) -> Int in 2 }
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        #expect(await waiter.value == .timeout)
        #expect(start.duration(to: .now) < .seconds(1))
        holder.cancel()
        _ = try await holder.value
        // The permit came back: a new holder gets it at once.
        let third = try await limiter.withPermit { () async throws(BackendError) -> Int in 3 }
        #expect(third == 3)
    }
}
