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
            let entry = try #require(try await catalogs.entry(language: .spanish, namespace: "common", key: "actions.ok"))
            _ = try await catalogs.save(language: .spanish, namespace: "common", key: "actions.ok", value: .text("Vale"),
                                        expectedRevision: entry.revision, author: "test")
            try await client.execute(uri: "/locales/es/common.json", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
                #expect(response.text.contains("\"ok\": \"Vale\""))
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
            try await client.execute(uri: "/locales/en-XA/common.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("[!! "))
                #expect(response.text.contains("$t(common:appName)") || response.text.contains("protoimsg"))
                #expect(response.headers[.eTag] != nil)
            }
            try await client.execute(uri: "/locales/ar-XB/rooms.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\u{2067}"))
                #expect(response.text.contains("count_zero"))
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
                #expect((body?["namespaces"] as? [String])?.count == 9)
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
