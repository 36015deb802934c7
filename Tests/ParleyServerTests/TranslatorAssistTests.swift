import AccessControl
import BackendFakes
import Catalogs
import CatalogWorkflow
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import NIOCore
@testable import ParleyServer
import Storage
import Testing

/// What the translator web app needs beyond editing: who am I, QA of a draft, suggestions
/// (machine and memory), and "source changed" flags.
@Suite("Translator API: sign-in, draft checks, suggestions, source-changed flags")
struct TranslatorAssistTests {
    @Test func meSaysWhoCallsAndWhichLanguagesTheyMayWriteAndReview() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let writer = try await server.key([.catalogWrite(.arabic)]).key
        let reviewer = try await server.key([.catalogReview(nil)]).key
        let admin = try await server.key([.admin]).key
        try await server.test { client in
            try await client.execute(uri: "/v1/me", method: .get, headers: editHeaders(writer)) { response in
                #expect(response.status == .ok)
                #expect(response.object["name"] as? String == "test")
                #expect((response.object["id"] as? String)?.hasPrefix("key_") == true)
                #expect(response.object["writeLanguages"] as? [String] == ["ar"])
                #expect(response.object["reviewLanguages"] as? [String] == [])
                #expect(response.object["admin"] as? Bool == false)
            }
            try await client.execute(uri: "/v1/me", method: .get, headers: editHeaders(reviewer)) { response in
                #expect(response.object["writeLanguages"] as? [String] == ["es", "ru", "ar", "uk", "ga", "sw", "ha"], "English needs admin")
                #expect(response.object["reviewLanguages"] as? [String] == ["es", "ru", "ar", "uk", "ga", "sw", "ha"])
            }
            try await client.execute(uri: "/v1/me", method: .get, headers: editHeaders(admin)) { response in
                #expect(response.object["writeLanguages"] as? [String] == Language.allCases.map(\.code))
                #expect(response.object["admin"] as? Bool == true)
            }
            try await client.execute(uri: "/v1/me", method: .get, headers: editHeaders("pk_" + String(repeating: "x", count: 43))) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func checkLintsADraftWithTheChecksOfASaveAndStoresNothing() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let key = try await server.key([.catalogRead]).key
        let uri = "/v1/catalogs/ar/chat/keys/messageItem.translatedTo/check"
        try await server.test { client in
            // A lost placeholder and a Latin question mark: two errors.
            try await client.execute(uri: uri, method: .post, headers: editHeaders(key), body: body(["value": "مترجم؟ إلى?"])) { response in
                #expect(response.status == .ok)
                #expect(response.object["errors"] as? Int == 2)
                let checks = Set((response.object["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String })
                #expect(checks.isSuperset(of: ["placeholders", "arabic-punctuation"]))
            }
            try await client.execute(uri: uri, method: .post, headers: editHeaders(key), body: body(["value": "مترجم إلى \u{2068}{{lang}}\u{2069}"])) { response in
                #expect(response.object["errors"] as? Int == 0)
                let severities = (response.object["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
                #expect(!severities.contains("error"))
            }
            // A plural draft is checked form by form.
            try await client.execute(
                uri: "/v1/catalogs/ar/chat/keys/messageItem.replyCount/check", method: .post, headers: editHeaders(key),
                body: body(["forms": ["one": "رد واحد", "other": "\u{2068}{{count}}\u{2069} رد"]])
            ) { response in
                let findings = response.object["findings"] as? [[String: Any]] ?? []
                #expect(findings.contains { $0["check"] as? String == "plural-forms" && ($0["message"] as? String)?.contains("lacks the forms `zero`, `two`, `few`, `many`") == true })
            }
            for bad in [body(["value": 3]), body(["value": "a", "forms": ["one": "b"]]), body([:])] {
                try await client.execute(uri: uri, method: .post, headers: editHeaders(key), body: bad) { response in
                    #expect(response.status == .badRequest)
                }
            }
            try await client.execute(uri: "/v1/catalogs/ar/chat/keys/no.such/check", method: .post, headers: editHeaders(key), body: body(["value": "x"])) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: uri, method: .post, headers: editHeaders(nil), body: body(["value": "x"])) { response in
                #expect(response.status == .ok, "anonymous loopback callers may read catalogs")
            }
        }
        // Nothing was stored.
        #expect(try await catalogs.entry(language: .arabic, namespace: "chat", key: "messageItem.translatedTo")?.revision == 1)
    }

    @Test func suggestionsComeFromTheMachineWithItsBackendAndFromMemory() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let backend = InProcessBackend(name: "nllb", kind: .nllbAPI)
        let server = try TestService(backends: [backend], catalogs: catalogs)
        let key = try await server.key([.catalogRead]).key
        try await server.test { client in
            try await client.execute(uri: "/v1/catalogs/es/chat/keys/messageItem.replyCount/suggestions", method: .get, headers: editHeaders(key)) { response in
                #expect(response.status == .ok, "\(response.text)")
                let machine = response.object["machine"] as? [[String: Any]] ?? []
                #expect(machine.first?["backend"] as? String == "nllb")
                let forms = (machine.first?["value"] as? [String: Any])?["forms"] as? [String: String] ?? [:]
                #expect(Set(forms.keys) == ["one", "many", "other"], "Spanish forms")
                // `reply` is a forced glossary term; {{count}} survived.
                #expect(forms["one"]?.contains("{{count}}") == true && forms["one"]?.contains("respuesta") == true)
                #expect(response.object["machineError"] == nil || response.object["machineError"] is NSNull)
                // The other `replyCount` of chat has the same English source: an exact match.
                let memory = response.object["memory"] as? [[String: Any]] ?? []
                let first = try #require(memory.first)
                #expect(first["key"] as? String == "threadPanel.replyCount")
                #expect(first["similarity"] as? Int == 100 && first["exact"] as? Bool == true)
                #expect(memory.contains { $0["key"] as? String == "threadView.viewReplies" && ($0["similarity"] as? Int ?? 0) < 100 })
                #expect(!memory.contains { $0["key"] as? String == "messageItem.replyCount" && $0["namespace"] as? String == "chat" }, "not the key itself")
            }
            backend.healthy = false
            backend.fault = .fail(.connectionFailed("refused (test)"))
            try await client.execute(uri: "/v1/catalogs/es/rooms/keys/createRoom.title/suggestions", method: .get, headers: editHeaders(key)) { response in
                #expect(response.status == .ok)
                #expect((response.object["machine"] as? [Any])?.isEmpty == true)
                let error = response.object["machineError"] as? [String: Any]
                #expect(error?["code"] as? String != nil, "a failing backend is an error with its code, never the source posing as a suggestion")
                #expect((response.object["memory"] as? [Any]) != nil)
            }
        }
    }

    @Test func anEnglishEditFlagsTheTranslationsUntilTheyAreSavedOrReviewed() async throws {
        let (catalogs, store) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let admin = try await server.key([.admin]).key
        let reviewer = try await server.key([.catalogReview(.arabic)]).key
        try await server.test { client in
            try await client.execute(
                uri: "/v1/catalogs/en/rooms/keys/createRoom.title", method: .put, headers: editHeaders(admin, ifMatch: "\"1\""), body: body(["value": "Create a room"])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.object["needsReview"] as? Bool == false, "the source itself is never flagged")
            }
            try await client.execute(uri: "/v1/catalogs/ar/rooms/keys?needsReview=true", method: .get, headers: editHeaders(admin)) { response in
                let keys = (response.object["keys"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
                #expect(keys == ["createRoom.title"])
            }
            try await client.execute(uri: "/v1/catalogs", method: .get, headers: editHeaders(admin)) { response in
                let rooms = (response.object["namespaces"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "rooms" }
                let arabic = (rooms?["languages"] as? [String: Any])?["ar"] as? [String: Any]
                #expect(arabic?["needsReview"] as? Int == 1)
                let totals = (response.object["languages"] as? [[String: Any]] ?? []).first { $0["code"] as? String == "uk" }?["totals"] as? [String: Any]
                #expect(totals?["needsReview"] as? Int == 1)
            }
            // Still served: a stale translation in the reader's language beats English.
            try await client.execute(uri: "/locales/ar/rooms.json", method: .get) { response in
                #expect(response.text.contains("\"title\": \"إنشاء غرفة\""))
            }
            // The flag is not a revision: a translator's If-Match stays valid. Reviewing clears it.
            try await client.execute(uri: "/v1/catalogs/ar/rooms/keys/createRoom.title", method: .get, headers: editHeaders(admin)) { response in
                #expect(response.object["needsReview"] as? Bool == true)
                #expect(response.headers[.eTag] == "\"1\"")
            }
            try await client.execute(uri: "/v1/catalogs/ar/rooms/keys/createRoom.title/review", method: .post, headers: editHeaders(reviewer, ifMatch: "\"1\"")) { response in
                #expect(response.status == .ok)
                #expect(response.object["needsReview"] as? Bool == false)
            }
            try await client.execute(uri: "/v1/catalogs/ar/rooms/keys?needsReview=nope", method: .get, headers: editHeaders(admin)) { response in
                #expect(response.status == .badRequest)
            }
        }
        // Saving the same value clears the flag too (the translator confirms it).
        let spanish = try #require(try await catalogs.entry(language: .spanish, namespace: "rooms", key: "createRoom.title"))
        #expect(spanish.needsReview)
        let saved = try await catalogs.save(language: .spanish, namespace: "rooms", key: "createRoom.title", value: try #require(spanish.value),
                                            expectedRevision: spanish.revision, author: "ana")
        #expect(!saved.entry.needsReview && saved.entry.revision == spanish.revision + 1)
        // An untranslated key is not flagged (there is nothing stale).
        #expect(try await store.catalogEntries(namespace: "rooms", language: nil).filter { $0.needsReview && $0.value == nil }.isEmpty)
    }

    @Test func anEnglishChangeByImportFlagsTheTranslationsToo() async throws {
        let tree = copyOfCatalogs()
        let store = try SQLiteStore(directory: CatalogEditFixture.temporaryDirectory("import-flags"))
        let catalogs = CatalogService(store: store)
        _ = try await catalogs.importTree(from: tree)
        let path = tree + "/en/rooms.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"title\": \"Create Room\"", with: "\"title\": \"Create a room\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try await catalogs.importTree(from: tree)
        #expect(report.languages["ar"]?.needsReview == 1)
        #expect(report.summary.contains("ar: 0 added, 0 updated, 0 obsoleted, 0 suggestions"))
        #expect(report.summary.contains("1 need review (source changed)"))
        let arabic = try #require(try await catalogs.entry(language: .arabic, namespace: "rooms", key: "createRoom.title"))
        #expect(arabic.needsReview && arabic.revision == 1)
        #expect(!(try await catalogs.importTree(from: tree)).changedAnything)
    }
}

/// A copy of the repository's Catalogs/ to change.
private func copyOfCatalogs() -> String {
    let target = CatalogEditFixture.temporaryDirectory("tree")
    try? FileManager.default.copyItem(atPath: CatalogEditFixture.root.appendingPathComponent("Catalogs").path, toPath: target)
    return target
}
