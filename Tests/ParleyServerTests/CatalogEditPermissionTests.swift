import AccessControl
import Catalogs
import CatalogWorkflow
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import NIOCore
import ParleyServer
import Storage
import Testing

/// Every translator route against every kind of key and three languages (a target the key
/// may write, another target, and the English source).
@Suite("Translator API: permission matrix")
struct CatalogEditPermissionTests {
    enum Who: String, CaseIterable {
        case anonymous, translateOnly, read, writeAR, reviewAR, writeAll, admin

        var scopes: [Scope]? {
            switch self {
            case .anonymous: nil
            case .translateOnly: [.translate]
            case .read: [.catalogRead]
            case .writeAR: [.catalogWrite(.arabic)]
            case .reviewAR: [.catalogReview(.arabic)]
            case .writeAll: [.catalogWrite(nil)]
            case .admin: [.admin]
            }
        }
    }

    enum Route: String, CaseIterable {
        case catalogs, keys, key, history, put, review, unreview, revert, pretranslate, job, audit
    }

    /// Whether `who` may use `route` on `language` (the documented matrix).
    static func allowed(_ who: Who, _ route: Route, _ language: Language) -> Bool {
        let reads = [Who.read, .writeAR, .reviewAR, .writeAll, .admin]
        switch route {
        case .catalogs, .keys, .key, .history:
            // Anonymous callers on loopback hold catalog:read by default.
            return reads.contains(who) || who == .anonymous
        case .put, .revert, .unreview:
            if who == .admin { return true }
            if language == .english { return false }
            return who == .writeAll || (language == .arabic && (who == .writeAR || who == .reviewAR))
        case .review:
            if who == .admin { return true }
            return language == .arabic && who == .reviewAR
        case .pretranslate, .job, .audit:
            return who == .admin
        }
    }

    @Test func everyScopeAgainstEveryRouteAndLanguage() async throws {
        let (catalogs, store) = try await CatalogEditFixture.catalogs()
        let jobs = JobRegistry(store: store)
        let fake: PretranslateFunction = { texts, _, _ in texts }
        let server = try CatalogEditFixture.server(catalogs, jobs: jobs, pretranslate: fake)
        var keys: [Who: String] = [:]
        for who in Who.allCases {
            if let scopes = who.scopes { keys[who] = try await server.key(scopes).key }
        }
        let adminKey = try #require(keys[.admin])
        let frozen = keys
        try await server.test { client in
            // A job to look at.
            let jobID = try await client.execute(
                uri: "/v1/catalogs/es/pretranslate", method: .post, headers: editHeaders(adminKey), body: body(["namespace": "common", "onlyMissing": true])
            ) { response in
                #expect(response.status == .accepted)
                return response.object["id"] as? String ?? ""
            }
            // PUT writes the value the key already has (allowed writes then change nothing but succeed).
            let values: [Language: String] = [.arabic: "إغلاق", .spanish: "Cerrar", .english: "Close"]
            for language in [Language.arabic, .spanish, .english] {
                let base = "/v1/catalogs/\(language.code)/common/keys/button.close"
                for who in Who.allCases {
                    let key = frozen[who]
                    // Language-independent routes once (the stats route lints every catalog).
                    for route in Route.allCases where language == .arabic || ![Route.catalogs, .job, .audit].contains(route) {
                        // The current revision (read as admin) for the conditional writes, so that allowed ones succeed.
                        let conditional: Set<Route> = [.put, .review, .unreview, .revert]
                        let etag = conditional.contains(route)
                            ? try await client.execute(uri: base, method: .get, headers: editHeaders(adminKey)) { $0.headers[.eTag] ?? "" } : nil
                        let (uri, method, payload): (String, HTTPRequest.Method, ByteBuffer?) = switch route {
                        case .catalogs: ("/v1/catalogs", .get, nil)
                        case .keys: ("/v1/catalogs/\(language.code)/common/keys", .get, nil)
                        case .key: (base, .get, nil)
                        case .history: (base + "/history", .get, nil)
                        case .put: (base, .put, nil)
                        case .review: (base + "/review", .post, body(["state": "reviewed"]))
                        case .unreview: (base + "/review", .post, body(["state": "translated"]))
                        case .revert: (base + "/revert", .post, body(["revision": 1]))
                        case .pretranslate: ("/v1/catalogs/\(language.code)/pretranslate", .post, body(["namespace": "common", "onlyMissing": true]))
                        case .job: ("/v1/jobs/\(jobID)", .get, nil)
                        case .audit: ("/v1/audit", .get, nil)
                        }
                        var requestBody = payload
                        if route == .put { requestBody = body(["value": values[language] ?? ""]) }
                        let status = try await client.execute(
                            uri: uri, method: method, headers: editHeaders(key, ifMatch: etag), body: requestBody
                        ) { response in response.status }
                        let expected = Self.allowed(who, route, language)
                        if route == .pretranslate && language == .english && expected {
                            #expect(status == .badRequest, "\(who) \(route) \(language.code): \(status)")
                        } else if expected {
                            #expect(status.code / 100 == 2, "\(who) \(route) \(language.code): \(status)")
                        } else {
                            // Anonymous callers hold loopback's default scopes, so they are refused with 403 too.
                            #expect(status == .forbidden || (key == nil && status == .unauthorized), "\(who) \(route) \(language.code): \(status)")
                        }
                    }
                }
            }
        }
    }

    @Test func aWriterOfOneLanguageCannotRevertToAReviewedRevision() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let reviewer = try await server.key([.catalogReview(.arabic)]).key
        let writer = try await server.key([.catalogWrite(.arabic)]).key
        try await server.test { client in
            let uri = "/v1/catalogs/ar/common/keys/button.save"
            let reviewed = try await client.execute(uri: uri + "/review", method: .post, headers: editHeaders(reviewer, ifMatch: "\"1\"")) { response in
                #expect(response.status == .ok)
                return response.object["revision"] as? Int ?? 0
            }
            #expect(reviewed == 2)
            // The writer edits (the value is no longer reviewed) …
            try await client.execute(uri: uri, method: .put, headers: editHeaders(writer, ifMatch: "\"2\""), body: body(["value": "احفظ"])) { response in
                #expect(response.status == .ok)
                #expect(response.object["state"] as? String == "translated")
            }
            // … and may not make it reviewed again by reverting.
            try await client.execute(uri: uri + "/revert", method: .post, headers: editHeaders(writer, ifMatch: "\"3\""), body: body(["revision": 2])) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: uri + "/revert", method: .post, headers: editHeaders(reviewer, ifMatch: "\"3\""), body: body(["revision": 2])) { response in
                #expect(response.status == .ok)
                #expect(response.object["state"] as? String == "reviewed")
                #expect(response.object["revision"] as? Int == 4)
            }
        }
    }
}
