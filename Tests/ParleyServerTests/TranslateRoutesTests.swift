import BackendFakes
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import ParleyServer
import ServiceConfiguration
import Testing
import TranslationBackends

/// Decodes a JSON body into loosely typed values.
func object(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
}

@Suite("POST /v1/translate and /v1/detect")
struct TranslateRoutesTests {
    func server(_ backends: [InProcessBackend], configure: @escaping (inout ParleyConfiguration) -> Void = { _ in }) throws -> TestService {
        try TestService(configure: configure, backends: backends)
    }

    @Test func translatesEveryTextIntoEveryTarget() async throws {
        let lt = InProcessBackend(name: "lt", kind: .libreTranslate, pairs: [LanguagePair(.english, .spanish)])
        let nllb = InProcessBackend(name: "nllb", kind: .nllbAPI)
        let server = try server([lt, nllb])
        try await server.test { client in
            let body = #"{"texts": ["Hello everyone, how are you today?", "😀👍"], "source": "auto", "targets": ["es", "ha", "EN"]}"#
            try await client.execute(uri: "/v1/translate", method: .post, body: json(body)) { response in
                #expect(response.status == .ok)
                let results = object(response)["results"] as? [[String: Any]] ?? []
                #expect(results.count == 2)
                let first = results[0]
                #expect(first["index"] as? Int == 0)
                #expect((first["source"] as? [String: Any])?["language"] as? String == "en")
                let translations = first["translations"] as? [String: [String: Any]] ?? [:]
                #expect(translations["es"]?["text"] as? String == "[es|lt] Hello everyone, how are you today?")
                #expect(translations["es"]?["backend"] as? String == "lt")
                #expect(translations["es"]?["cached"] as? Bool == false)
                #expect(translations["ha"]?["backend"] as? String == "nllb")
                #expect(translations["en"]?["unchanged"] as? Bool == true)
                let second = results[1]
                #expect((second["source"] as? [String: Any])?["language"] as? String == "und")
                let emoji = second["translations"] as? [String: [String: Any]] ?? [:]
                #expect(emoji["es"]?["text"] as? String == "😀👍")
                #expect(emoji["es"]?["unchanged"] as? Bool == true)
            }
        }
    }

    @Test func oneBadItemNeverFailsTheOthers() async throws {
        let nllb = InProcessBackend(name: "nllb", kind: .nllbAPI, pairs: [LanguagePair(.english, .hausa)])
        let server = try server([nllb])
        try await server.test { client in
            let body = #"{"texts": ["Good morning friends"], "source": "en", "targets": ["ha", "sw"]}"#
            try await client.execute(uri: "/v1/translate", method: .post, body: json(body)) { response in
                #expect(response.status == .ok)
                let result = (object(response)["results"] as? [[String: Any]])?.first ?? [:]
                #expect((result["translations"] as? [String: Any])?["ha"] != nil)
                let errors = result["errors"] as? [String: [String: Any]] ?? [:]
                #expect(errors["sw"]?["code"] as? String == "unsupported_pair")
            }
        }
    }

    @Test func nothingTranslatedIs503WithRetryAfterAndNoSourceText() async throws {
        let nllb = InProcessBackend(name: "nllb", kind: .nllbAPI)
        nllb.fault = .fail(.connectionFailed("refused"))
        let server = try server([nllb])
        try await server.test { client in
            let body = #"{"texts": ["Good morning friends"], "source": "en", "targets": ["ha"]}"#
            try await client.execute(uri: "/v1/translate", method: .post, body: json(body)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                let result = (object(response)["results"] as? [[String: Any]])?.first ?? [:]
                #expect((result["translations"] as? [String: Any])?.isEmpty == true)
                let error = (result["errors"] as? [String: [String: Any]])?["ha"]
                #expect(error?["code"] as? String == "backend_unavailable")
                #expect(error?["backend"] as? String == "nllb")
                #expect(!response.text.contains("\"text\":\"Good morning friends\""))
            }
        }
    }

    @Test("malformed requests get a clear 400 or 413", arguments: [
        (#"{"texts": [], "targets": ["es"]}"#, 400, "invalid_request"),
        (#"{"texts": ["hi"], "targets": []}"#, 400, "invalid_request"),
        (#"{"texts": ["hi"], "targets": ["pt-BR"]}"#, 400, "unsupported_language"),
        (#"{"texts": ["hi"], "source": "klingon", "targets": ["es"]}"#, 400, "unsupported_language"),
        (#"{"texts": ["hi"], "targets": ["es"], "format": "markdown"}"#, 400, "invalid_format"),
        (#"{"texts": ["hi"], "targets": ["es"], "priority": "urgent"}"#, 400, "invalid_priority"),
        (#"{"texts": "hi", "targets": ["es"]}"#, 400, "invalid_json"),
        (#"{"targets": ["es"]}"#, 400, "invalid_json"),
        (#"{"texts": ["a", "b", "c", "d"], "targets": ["es"]}"#, 413, "too_many_texts"),
        (#"{"texts": ["0123456789ABCDEFGHIJ"], "targets": ["es"]}"#, 413, "text_too_long"),
        (#"not json"#, 400, "invalid_json"),
    ])
    func malformed(body: String, status: Int, code: String) async throws {
        let server = try server([InProcessBackend(name: "nllb")]) { $0.limits.maxTexts = 3; $0.limits.maxCharacters = 10 }
        try await server.test { client in
            try await client.execute(uri: "/v1/translate", method: .post, body: json(body)) { response in
                #expect(response.status.code == status, "\(response.text)")
                #expect(response.envelope?.error.code == code, "\(response.text)")
            }
        }
    }

    @Test func needsTheTranslateScope() async throws {
        let server = try server([InProcessBackend(name: "nllb")]) { $0.auth.anonymousScopes = ["detect"] }
        try await server.test { client in
            try await client.execute(uri: "/v1/translate", method: .post, body: json(#"{"texts": ["hi"], "targets": ["es"]}"#)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func detect() async throws {
        let server = try server([])
        try await server.test { client in
            let body = #"{"texts": ["дякую, друзі!", "مرحبا بكم جميعا", "https://bsky.app @alice.bsky.social 😀", "sannu da zuwa"]}"#
            try await client.execute(uri: "/v1/detect", method: .post, body: json(body)) { response in
                #expect(response.status == .ok)
                let results = object(response)["results"] as? [[String: Any]] ?? []
                #expect(results.count == 4)
                func top(_ index: Int) -> String? { ((results[index]["candidates"] as? [[String: Any]])?.first)?["language"] as? String }
                #expect(top(0) == "uk")
                #expect(top(1) == "ar")
                #expect((results[2]["candidates"] as? [Any])?.isEmpty == true)
                #expect(results[2]["reliable"] as? Bool == false)
                #expect(top(3) == "ha")
                let confidence = ((results[1]["candidates"] as? [[String: Any]])?.first)?["confidence"] as? Double ?? -1
                #expect(confidence > 0.5 && confidence <= 1)
            }
            try await client.execute(uri: "/v1/detect", method: .post, body: json(#"{"texts": []}"#)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/v1/detect", method: .post, body: json(#"{"text": "x"}"#)) { response in
                #expect(response.envelope?.error.code == "invalid_json")
            }
        }
    }
}
