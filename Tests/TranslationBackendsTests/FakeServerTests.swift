import BackendFakes
import Foundation
import Testing

/// The fakes' own controls, as the engine's tests will use them.
@Suite("Fake servers' controls")
struct FakeServerTests {
    @Test func countsRequestsAndBatchSizes() async throws {
        try await FakeLibreTranslate.withServer { fake in
            _ = try await rawRequest(fake.baseURL, method: "GET", uri: "/health")
            _ = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                     body: #"{"q":["a b","c d","e f"],"source":"en","target":"es"}"#)
            _ = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                     body: #"{"q":"one","source":"en","target":"es"}"#)
            #expect(fake.requestCount == 2)
            #expect(fake.batchSizes == [3, 1])
            #expect(fake.requests.map(\.uri) == ["/health", "/translate", "/translate"])
            fake.resetCounters()
            #expect(fake.requestCount == 0 && fake.batchSizes.isEmpty && fake.requests.isEmpty)
        }
    }

    @Test func aCustomTranslatorReplacesTheDefault() async throws {
        try await FakeNLLBAPI.withServer { fake in
            fake.translator = { text, source, target in "\(source)>\(target): \(text.uppercased())" }
            let answer = try await rawRequest(fake.baseURL, method: "POST", uri: "/api/v4/translator", contentType: "application/json",
                                              body: #"{"text":"hi there","source":"eng_Latn","target":"hau_Latn"}"#)
            #expect(answer.body == #"{"result":"eng_Latn>hau_Latn: HI THERE"}"#)
            fake.translator = nil
            let again = try await rawRequest(fake.baseURL, method: "POST", uri: "/api/v4/translator", contentType: "application/json",
                                             body: #"{"text":"hi there","source":"eng_Latn","target":"hau_Latn"}"#)
            #expect(again.body == #"{"result":"[hau_Latn] hi there"}"#)
        }
    }

    @Test func aSlowBodySendsTheHeadFirst() async throws {
        try await FakeNLLBServe.withServer { fake in
            fake.fault = .slowBody(.milliseconds(300))
            let start = ContinuousClock.now
            let answer = try await rawRequest(fake.baseURL, method: "GET", uri: "/")
            #expect(answer.status == 200)
            #expect(start.duration(to: .now) >= .milliseconds(300))
        }
    }

    @Test func stoppingEndsHangingRequestsQuickly() async throws {
        let fake = try await FakeLibreTranslate.start()
        fake.fault = .timeout
        let url = fake.baseURL
        let hanging = Task { try? await rawRequest(url, method: "GET", uri: "/health") }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await fake.stop()
        _ = await hanging.value
        #expect(start.duration(to: .now) < .seconds(2))
    }

    @Test func lateFaultChangesApplyToTheNextRequest() async throws {
        try await FakeLibreTranslate.withServer { fake in
            fake.fault = .serverError
            #expect(try await rawRequest(fake.baseURL, method: "GET", uri: "/health").status == 500)
            fake.fault = .rateLimited(retryAfter: 3)
            let limited = try await rawRequest(fake.baseURL, method: "GET", uri: "/health")
            #expect(limited.status == 429)
            #expect(limited.headers.contains { $0.0.lowercased() == "retry-after" && $0.1 == "3" })
            fake.fault = .none
            #expect(try await rawRequest(fake.baseURL, method: "GET", uri: "/health").body == "{\"status\":\"ok\"}\n")
        }
    }
}

@Suite("Fault scope")
struct FaultScopeTests {
    @Test func faultsCanSpareHealthAndDiscovery() async throws {
        try await FakeNLLBServe.withServer { fake in
            fake.fault = .serverError
            fake.faultsHitOnlyTranslations = true
            #expect(try await rawRequest(fake.baseURL, method: "GET", uri: "/").status == 200)
            let translation = try await rawRequest(fake.baseURL, method: "POST", uri: "/translate", contentType: "application/json",
                                                   body: #"{"source":["Hello"],"src_lang":"eng_Latn","tgt_lang":"hau_Latn"}"#)
            #expect(translation.status == 500)
            fake.faultsHitOnlyTranslations = false
            #expect(try await rawRequest(fake.baseURL, method: "GET", uri: "/").status == 500)
        }
    }
}
