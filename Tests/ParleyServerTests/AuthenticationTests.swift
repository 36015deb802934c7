import AccessControl
import ServiceConfiguration
import HTTPTypes
import Foundation
import HummingbirdTesting
import ParleyServer
import Testing

@Suite("API keys, scopes and rate limits over HTTP")
struct AuthenticationTests {
    /// A route that needs a per-language write scope, like the catalog editing routes will.
    static let routes: @Sendable (ParleyRouter) -> Void = { router in
        router.put("/test/catalogs/{lang}") { _, context in
            let language = try context.parameters.require("lang", as: String.self)
            guard let parsed = Language(rawValue: language) else { throw APIError.notFound("no language \(language)") }
            try context.require(.catalogWrite(parsed))
            return try JSONResponse.make(["saved": language])
        }
        router.post("/test/translate") { _, context in
            try context.require(.translate)
            return try JSONResponse.make(["ok": true])
        }
    }

    func server(_ configure: @escaping (inout ParleyConfiguration) -> Void = { _ in }) throws -> TestService {
        try TestService(configure: { configuration in
            configuration.auth.anonymousScopes = []
            configure(&configuration)
        }, extraRoutes: Self.routes)
    }

    @Test func noKeyIs401() async throws {
        let server = try server()
        try await server.test { client in
            try await client.execute(uri: "/test/translate", method: .post) { response in
                #expect(response.status == .unauthorized)
                #expect(response.envelope?.error.code == "unauthenticated")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }

    @Test func wrongKeyIs401() async throws {
        let server = try server()
        try await server.test { client in
            for header in ["Bearer " + APIKeyGenerator.makeKey(), "Bearer short", "Basic dXNlcjpwYXNz", "Bearer"] {
                try await client.execute(uri: "/test/translate", method: .post, headers: [.authorization: header]) { response in
                    #expect(response.status == .unauthorized, "\(header)")
                    #expect(response.envelope?.error.code == "invalid_api_key")
                }
            }
        }
    }

    @Test func revokedKeyIs401() async throws {
        let server = try server()
        let (record, key) = try await server.key([.translate])
        try await server.test { client in
            try await client.execute(uri: "/test/translate", method: .post, headers: bearer(key)) { response in
                #expect(response.status == .ok)
            }
            #expect(try await server.service.keys.revoke(id: record.id))
            try await client.execute(uri: "/test/translate", method: .post, headers: bearer(key)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.envelope?.error.code == "revoked_api_key")
            }
        }
    }

    @Test func missingScopeIs403() async throws {
        let server = try server()
        let (_, key) = try await server.key([.detect])
        try await server.test { client in
            try await client.execute(uri: "/test/translate", method: .post, headers: bearer(key)) { response in
                #expect(response.status == .forbidden)
                #expect(response.envelope?.error.code == "forbidden")
                #expect(response.envelope?.error.message.contains("translate") == true)
            }
        }
    }

    @Test func perLanguageWriteScope() async throws {
        let server = try server()
        let (_, arabicWriter) = try await server.key([.catalogWrite(.arabic)])
        let (_, anyWriter) = try await server.key([.catalogWrite(nil)])
        let (_, reviewer) = try await server.key([.catalogReview(.irish)])
        let (_, admin) = try await server.key([.admin])
        try await server.test { client in
            let cases: [(String, String, HTTPResponse.Status)] = [
                (arabicWriter, "ar", .ok), (arabicWriter, "es", .forbidden),
                (anyWriter, "es", .ok), (anyWriter, "ha", .ok),
                (reviewer, "ga", .ok), (reviewer, "ar", .forbidden),
                (admin, "uk", .ok),
            ]
            for (key, language, status) in cases {
                try await client.execute(uri: "/test/catalogs/\(language)", method: .put, headers: bearer(key)) { response in
                    #expect(response.status == status, "\(language)")
                }
            }
        }
    }

    @Test func anonymousScopesOnLoopback() async throws {
        let server = try TestService(extraRoutes: Self.routes)  // default: loopback grants translate
        try await server.test { client in
            try await client.execute(uri: "/test/translate", method: .post) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func rateLimitGives429WithRetryAfter() async throws {
        let server = try server { $0.auth.rateLimit.requestsPerSecond = 0.5; $0.auth.rateLimit.burst = 2 }
        let (_, key) = try await server.key([.translate])
        let (_, unlimited) = try await server.key([.translate], unlimited: true)
        try await server.test { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/test/translate", method: .post, headers: bearer(key)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/test/translate", method: .post, headers: bearer(key)) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.envelope?.error.code == "rate_limited")
                let retryAfter = response.headers[.retryAfter].flatMap(Int.init)
                #expect(retryAfter != nil && retryAfter! >= 1 && retryAfter! <= 2)
            }
            for _ in 0..<10 {
                try await client.execute(uri: "/test/translate", method: .post, headers: bearer(unlimited)) { response in
                    #expect(response.status == .ok)
                }
            }
            // Health checks are never limited.
            try await client.execute(uri: "/healthz", method: .get, headers: bearer(key)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Guessing keys: past the burst of refused keys, every key from that address — the right
    /// one too — is a 429 with Retry-After until the bucket refills.
    @Test func repeatedRefusedKeysFromOneAddressAreRateLimited() async throws {
        let server = try server { $0.auth.invalidKeyLimit = RateLimitSettings(requestsPerSecond: 1, burst: 5) }
        let (_, good) = try await server.key([.translate], unlimited: true)
        try await server.test { client in
            for attempt in 1...5 {
                let guess = "pk_" + String(repeating: Character(String(attempt)), count: 43)
                try await client.execute(uri: "/test/translate", method: .post, headers: [.authorization: "Bearer \(guess)"]) { response in
                    #expect(response.status == .unauthorized, "attempt \(attempt)")
                }
            }
            try await client.execute(uri: "/test/translate", method: .post, headers: [.authorization: "Bearer pk_wrong"]) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                #expect(response.envelope?.error.code == "rate_limited")
            }
            try await client.execute(uri: "/test/translate", method: .post, headers: [.authorization: "Bearer \(good)"]) { response in
                #expect(response.status == .tooManyRequests, "the right key cannot be told from a guess while the address is limited")
            }
            // Requests without a key are not affected (they carry no guess).
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        // The bucket refills: one more try after a second.
        try await Task.sleep(for: .milliseconds(1100))
        try await server.test { client in
            try await client.execute(uri: "/test/translate", method: .post, headers: [.authorization: "Bearer \(good)"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func metricsCanRequireAdmin() async throws {
        let server = try server { $0.auth.publicMetrics = false }
        let (_, admin) = try await server.key([.admin])
        try await server.test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: bearer(admin)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("parley_http_requests_total"))
            }
        }
    }
}

import Languages
