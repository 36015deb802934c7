import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyServer
import Testing

@Suite("Error envelope: JSON with the right status, never HTML")
struct ErrorEnvelopeTests {
    static let echo: @Sendable (ParleyRouter) -> Void = { router in
        router.post("/test/echo") { request, context in
            let body = try await request.decode(as: EchoBody.self, context: context)
            return try JSONResponse.make(body)
        }
    }

    @Test func unknownRouteIs404() async throws {
        let server = try TestService()
        try await server.test { client in
            try await client.execute(uri: "/v1/nope", method: .get, headers: [.requestID: "abc-123"]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.envelope?.error.code == "not_found")
                #expect(response.envelope?.error.requestId == "abc-123")
                #expect(response.headers[.requestID] == "abc-123")
            }
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        let server = try TestService()
        try await server.test { client in
            try await client.execute(uri: "/v1/languages", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(response.envelope?.error.code == "method_not_allowed")
            }
        }
    }

    @Test func oversizedBodyIs413() async throws {
        let server = try TestService(configure: { $0.server.maxBodySize = 1024 }, extraRoutes: Self.echo)
        let big = #"{"texts":[""# + String(repeating: "a", count: 4000) + #""]}"#
        try await server.test { client in
            try await client.execute(uri: "/test/echo", method: .post, body: json(big)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.envelope?.error.code == "payload_too_large")
            }
            try await client.execute(uri: "/test/echo", method: .post, body: json(#"{"texts":["ok"]}"#)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("malformed JSON bodies get 400 saying what is wrong", arguments: [
        (#"{"texts": ["a", "#, "invalid_json", "not valid JSON"),
        (#"{"texts": "a"}"#, "invalid_json", "texts must be a list"),
        (#"{}"#, "invalid_json", "texts is required"),
        (#"{"texts": [1]}"#, "invalid_json", "texts[0] must be a string"),
        ("", "invalid_json", "not valid JSON"),
    ])
    func badJSON(body: String, code: String, message: String) async throws {
        let server = try TestService(extraRoutes: Self.echo)
        try await server.test { client in
            try await client.execute(uri: "/test/echo", method: .post, body: json(body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.envelope?.error.code == code)
                #expect(response.envelope?.error.message.contains(message) == true, "\(response.text)")
            }
        }
    }

    @Test func everyResponseCarriesARequestID() async throws {
        let server = try TestService()
        try await server.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.headers[.requestID]?.hasPrefix("req_") == true)
            }
            // An unsafe caller id is replaced, not echoed.
            try await client.execute(uri: "/healthz", method: .get, headers: [.requestID: "bad id\u{7f}"]) { response in
                #expect(response.headers[.requestID]?.hasPrefix("req_") == true)
            }
        }
    }
}
