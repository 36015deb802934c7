import Catalogs
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import NIOCore
import ParleyServer
import Storage
import Testing

/// A catalog service over its own store, loaded with the repository's Catalogs/.
private func loadedCatalogs() async throws -> CatalogService {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-catalog-routes-\(UUID().uuidString)").path
    let catalogs = CatalogService(store: try SQLiteStore(directory: directory))
    _ = try await catalogs.importTree(from: root.appendingPathComponent("Catalogs").path)
    return catalogs
}

private func shippedFile(_ relative: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Catalogs/\(relative)"), encoding: .utf8)
}

@Suite("GET /locales: i18next-http-backend semantics")
struct CatalogRoutesTests {
    @Test func servesTheCatalogWithETagAndCacheControl() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(catalogs: catalogs)
        let expected = try shippedFile("ar/rooms.json")
        try await server.test { client in
            try await client.execute(uri: "/locales/ar/rooms.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(response.headers[.cacheControl] == "public, max-age=60, must-revalidate")
                let etag = try #require(response.headers[.eTag])
                #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count > 10)
                #expect(response.text == expected)
            }
        }
    }

    @Test func conditionalRequestsGet304() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(catalogs: catalogs)
        try await server.test { client in
            let etag = try await client.execute(uri: "/locales/es/common.json", method: .get) { $0.headers[.eTag] ?? "" }
            for condition in [etag, "\"other\", \(etag)", "W/\(etag)", "*"] {
                try await client.execute(uri: "/locales/es/common.json", method: .get, headers: [.ifNoneMatch: condition]) { response in
                    #expect(response.status == .notModified, "If-None-Match: \(condition)")
                    #expect(response.headers[.eTag] == etag)
                    #expect(response.headers[.cacheControl] != nil)
                    #expect(response.body.readableBytes == 0)
                }
            }
            try await client.execute(uri: "/locales/es/common.json", method: .get, headers: [.ifNoneMatch: "\"stale\""]) { response in
                #expect(response.status == .ok)
            }
            // An edit changes the ETag at once; the old one no longer matches.
            let entry = try #require(try await catalogs.entry(language: .spanish, namespace: "common", key: "button.close"))
            _ = try await catalogs.save(language: .spanish, namespace: "common", key: "button.close", value: .text("Vale"),
                                        expectedRevision: entry.revision, author: "test")
            try await client.execute(uri: "/locales/es/common.json", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
                #expect(response.text.contains("\"close\": \"Vale\""))
            }
        }
    }

    /// protoimsg's web client (`packages/web/src/i18n/index.ts`): these namespaces and
    /// languages, `loadPath: '/locales/{{lng}}/{{ns}}.json'`, `fallbackLng: 'en'`.
    static let webClientNamespaces = ["common", "auth", "chat", "dm", "feed", "rooms", "settings", "atproto"]
    static let webClientLanguages = ["en", "es", "ru", "ar", "ga", "uk", "zh", "hi", "ja", "ko", "vi", "fr", "pt", "de", "tr", "th"]

    @Test func everyNamespaceTheWebClientLoadsIsServedInTheEightLanguagesWithETagAnd304() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(configure: { $0.auth.rateLimit.requestsPerSecond = 0 }, catalogs: catalogs)
        try await server.test { client in
            for language in Language.allCases {
                for namespace in Self.webClientNamespaces {
                    let uri = "/locales/\(language.code)/\(namespace).json"
                    let etag = try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .ok, "\(uri)")
                        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        #expect(object?.isEmpty == false, "\(uri) has strings")
                        #expect(response.text == (try? shippedFile("\(language.code)/\(namespace).json")), "\(uri) serves the shipped file")
                        return response.headers[.eTag] ?? ""
                    }
                    #expect(etag.hasPrefix("\"") && etag.count > 2, "\(uri)")
                    try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) { response in
                        #expect(response.status == .notModified, "\(uri)")
                    }
                }
            }
        }
    }

    /// The client's other eight languages have no catalogs here: each namespace is `{}`, so
    /// i18next takes every key from `fallbackLng` (English) — no failed request (a 404 shows in
    /// the browser's console), no retry (i18next-http-backend retries a 5xx).
    @Test func theWebClientsOtherLanguagesGetAnEmptyCatalogSoI18nextFallsBackToEnglish() async throws {
        let catalogs = try await loadedCatalogs()
        // Over 200 requests from one anonymous client: the rate limit is not what this tests.
        let server = try TestService(configure: { $0.auth.rateLimit.requestsPerSecond = 0 }, catalogs: catalogs)
        let others = Self.webClientLanguages.filter { Language(rawValue: $0) == nil }
        #expect(others == ["zh", "hi", "ja", "ko", "vi", "fr", "pt", "de", "tr", "th"])
        try await server.test { client in
            for tag in others + ["pt-BR", "zh-Hant", "fr-CA"] {
                for namespace in Self.webClientNamespaces {
                    let uri = "/locales/\(tag)/\(namespace).json"
                    let etag = try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .ok, "\(uri)")
                        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                        #expect(response.text == "{}\n", "\(uri)")
                        #expect(response.headers[.contentLanguage] == String(tag.prefix(2)))
                        return response.headers[.eTag] ?? ""
                    }
                    try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) { response in
                        #expect(response.status == .notModified, "\(uri)")
                    }
                }
            }
            // An unknown namespace is still a 404, whatever the language.
            try await client.execute(uri: "/locales/fr/nope.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func unknownLanguagesAndNamespacesAreJSON404s() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(catalogs: catalogs)
        try await server.test { client in
            for uri in ["/locales/zz/rooms.json", "/locales/fr/nope.json", "/locales/ar/nope.json", "/locales/xx-YY/common.json", "/locales/ar/..%2Fen.json", "/locales/pt"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(response.envelope?.error.code == "not_found", "\(uri): \(response.text)")
                }
            }
        }
    }

    @Test func regionalFallback() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(catalogs: catalogs)
        let arabic = try shippedFile("ar/common.json"), spanish = try shippedFile("es/common.json"), english = try shippedFile("en/common.json")
        try await server.test { client in
            for (tag, expected) in [("ar-EG", arabic), ("AR-eg", arabic), ("es-419", spanish), ("en-US", english), ("en_GB", english)] {
                try await client.execute(uri: "/locales/\(tag)/common.json", method: .get) { response in
                    #expect(response.status == .ok, "\(tag)")
                    #expect(response.text == expected, "\(tag)")
                }
            }
        }
    }

    @Test func pseudoLocalesAreServedAndMatchedFirst() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(catalogs: catalogs)
        try await server.test { client in
            try await client.execute(uri: "/locales/en-XA/chat.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("[!! "))
                #expect(response.text.contains("{{lang}}"), "interpolations survive the pseudo-locale")
                #expect(response.headers[.eTag] != nil)
            }
            try await client.execute(uri: "/locales/ar-XB/chat.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\u{2067}"))
                #expect(response.text.contains("replyCount_zero"))
            }
            try await client.execute(uri: "/locales/en-XB/common.json", method: .get) { response in
                #expect(response.text == (try? shippedFile("en/common.json")))
            }
        }
    }

    @Test func namespaceListing() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(catalogs: catalogs)
        try await server.test { client in
            try await client.execute(uri: "/locales/ar-EG", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["language"] as? String == "ar")
                #expect(body?["requested"] as? String == "ar-EG")
                #expect(body?["direction"] as? String == "rtl")
                #expect((body?["namespaces"] as? [String]) == ["atproto", "auth", "chat", "common", "dm", "feed", "rooms", "settings", "studio"])
            }
        }
    }

    @Test func privateCatalogsNeedCatalogRead() async throws {
        let catalogs = try await loadedCatalogs()
        let server = try TestService(configure: { $0.auth.anonymousScopes = []; $0.auth.publicCatalogs = false }, catalogs: catalogs)
        let reader = try await server.key([.catalogRead])
        let translator = try await server.key([.translate])
        try await server.test { client in
            try await client.execute(uri: "/locales/en/common.json", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.envelope?.error.code == "unauthenticated")
            }
            try await client.execute(uri: "/locales/en/common.json", method: .get, headers: bearer(translator.key)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/locales/en/common.json", method: .get, headers: bearer(reader.key)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, max-age=60, must-revalidate")
            }
        }
    }
}
