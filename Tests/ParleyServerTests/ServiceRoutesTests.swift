import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyServer
import ServiceConfiguration
import Testing
import BackendFakes

@Suite("Health, readiness, metrics, languages, CORS")
struct ServiceRoutesTests {
    @Test func healthAndReadiness() async throws {
        let server = try TestService()
        try await server.test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#""status":"ready""#))
            }
        }
    }

    @Test func readinessTurns503WhenTheStoreIsUnusable() async throws {
        let server = try TestService()
        try server.store.close()
        try await server.test { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains(#""state":"unavailable""#))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func readinessNeedsAHealthyBackendWhenSomeAreConfigured() async throws {
        let down = InProcessBackend(name: "lt", kind: .libreTranslate)
        down.healthy = false
        let up = InProcessBackend(name: "nllb")
        up.healthy = false
        let server = try TestService(backends: [down, up])
        try await server.test { client in
            // Not probed yet: unknown is not ready.
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains(#""name":"lt""#))
                #expect(response.text.contains(#""state":"unknown""#))
            }
            await server.service.engine.monitor.probeAll()
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains(#""state":"unhealthy""#))
            }
            up.healthy = true
            await server.service.engine.monitor.probeAll()
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#""state":"healthy""#))
            }
        }
    }

    @Test func languagesListing() async throws {
        let server = try TestService()
        try await server.test { client in
            try await client.execute(uri: "/v1/languages", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let languages = body?["languages"] as? [[String: Any]]
                #expect(languages?.count == 8)
                let arabic = languages?.first { $0["code"] as? String == "ar" }
                #expect(arabic?["direction"] as? String == "rtl")
                #expect(arabic?["nllb"] as? String == "arb_Arab")
                #expect(arabic?["autonym"] as? String == "العربية")
                let plurals = arabic?["plurals"] as? [String: [String]]
                #expect(plurals?["cardinal"] == ["zero", "one", "two", "few", "many", "other"])
                #expect(plurals?["ordinal"] == ["other"])
                #expect(body?["pairs"] is [Any])
            }
        }
    }

    @Test func metricsCountRequests() async throws {
        let server = try TestService()
        try await server.test { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                #expect(response.text.contains(#"parley_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
                #expect(response.text.contains("parley_http_request_duration_seconds_bucket"))
            }
        }
    }

    @Test func corsPreflightAndHeaders() async throws {
        let server = try TestService { $0.server.cors.allowedOrigins = ["https://chat.example.org"]; $0.server.cors.allowCredentials = true }
        try await server.test { client in
            let preflight: HTTPFields = [.origin: "https://chat.example.org", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "authorization, content-type"]
            try await client.execute(uri: "/v1/languages", method: .options, headers: preflight) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "https://chat.example.org")
                #expect(response.headers[.accessControlAllowCredentials] == "true")
                #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
            }
            try await client.execute(uri: "/v1/languages", method: .get, headers: [.origin: "https://chat.example.org"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "https://chat.example.org")
                #expect(response.headers[.accessControlExposeHeaders]?.contains("X-Request-Id") == true)
            }
            try await client.execute(uri: "/v1/languages", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(uri: "/v1/languages", method: .options, headers: [.origin: "https://evil.example", .accessControlRequestMethod: "GET"]) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func corsWildcardNeverSendsCredentials() async throws {
        let server = try TestService()  // default: *
        try await server.test { client in
            try await client.execute(uri: "/healthz", method: .get, headers: [.origin: "https://any.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlAllowCredentials] == nil)
            }
        }
    }
}
