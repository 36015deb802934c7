import AccessControl
import Catalogs
import Foundation
import HTTPTypes
import HummingbirdTesting
import Languages
import NIOCore
import ParleyServer
import Storage
import Testing

/// Editing through the translator API: conditional writes (428, 412 with the current value),
/// QA on save (422 with findings, warnings stored), review, history, revert, listings, stats,
/// the served ETag and the audit log.
@Suite("Translator API: editing workflow")
struct CatalogEditWorkflowTests {
    @Test func putWithoutIfMatchIs428() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let key = try await server.key([.catalogWrite(.spanish)]).key
        try await server.test { client in
            for ifMatch in [String?.none, "*"] {
                try await client.execute(
                    uri: "/v1/catalogs/es/common/keys/button.close", method: .put, headers: editHeaders(key, ifMatch: ifMatch), body: body(["value": "Salir"])
                ) { response in
                    #expect(response.status == .preconditionRequired)
                    #expect(response.envelope?.error.code == "precondition_required")
                }
            }
        }
        #expect(try await catalogs.entry(language: .spanish, namespace: "common", key: "button.close")?.value == .text("Cerrar"))
    }

    @Test func aStaleIfMatchIs412WithTheCurrentValueAndNeverOverwrites() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let alice = try await server.key([.catalogWrite(.spanish)]).key
        let bob = try await server.key([.catalogWrite(.spanish)]).key
        try await server.test { client in
            let uri = "/v1/catalogs/es/common/keys/button.close"
            let etag = try await client.execute(uri: uri, method: .get, headers: editHeaders(alice)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"1\"")
                #expect((response.object["translation"] as? [String: Any])?["value"] as? String == "Cerrar")
                #expect((response.object["source"] as? [String: Any])?["value"] as? String == "Close")
                return response.headers[.eTag] ?? ""
            }
            // Alice and Bob both read revision 1; Alice saves first.
            try await client.execute(uri: uri, method: .put, headers: editHeaders(alice, ifMatch: etag), body: body(["value": "Salir"])) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"2\"")
                #expect(response.object["state"] as? String == "translated")
            }
            try await client.execute(uri: uri, method: .put, headers: editHeaders(bob, ifMatch: etag), body: body(["value": "De acuerdo"])) { response in
                #expect(response.status == .preconditionFailed)
                #expect(response.envelope?.error.code == "revision_conflict")
                let current = try #require(response.errorField("current") as? [String: Any])
                #expect(current["revision"] as? Int == 2)
                #expect((current["translation"] as? [String: Any])?["value"] as? String == "Salir")
                #expect(current["updatedBy"] as? String != nil)
            }
            // A tag that names no revision (weak, garbage) matches nothing.
            for tag in ["W/\"2\"", "\"abc\""] {
                try await client.execute(uri: uri, method: .put, headers: editHeaders(bob, ifMatch: tag), body: body(["value": "De acuerdo"])) { response in
                    #expect(response.status == .preconditionFailed, "\(tag)")
                }
            }
            // Bob retries on the current revision.
            try await client.execute(uri: uri, method: .put, headers: editHeaders(bob, ifMatch: "\"2\""), body: body(["value": "De acuerdo"])) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"3\"")
            }
        }
        let entry = try #require(try await catalogs.entry(language: .spanish, namespace: "common", key: "button.close"))
        #expect(entry.value == .text("De acuerdo"))
        #expect(entry.revision == 3)
    }

    @Test func qaErrorsAre422WithFindingsAndWarningsAreStored() async throws {
        let (catalogs, store) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let key = try await server.key([.catalogWrite(nil)]).key
        try await server.test { client in
            // A lost placeholder and Latin punctuation in Arabic: refused.
            try await client.execute(
                uri: "/v1/catalogs/ar/rooms/keys/roomCard.createdDate", method: .put, headers: editHeaders(key, ifMatch: "\"1\""), body: body(["value": "انضممت إلى الغرفة?"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.envelope?.error.code == "qa_failed")
                let findings = try #require(response.errorField("findings") as? [[String: Any]])
                let checks = Set(findings.compactMap { $0["check"] as? String })
                #expect(checks.contains("placeholders"))
                #expect(checks.contains("arabic-punctuation"))
            }
            // A plural group with forms missing: refused.
            try await client.execute(
                uri: "/v1/catalogs/ar/chat/keys/messageItem.replyCount", method: .put, headers: editHeaders(key, ifMatch: "\"1\""),
                body: body(["forms": ["one": "رد واحد", "other": "\u{2068}{{count}}\u{2069} رد"]])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let findings = response.errorField("findings") as? [[String: Any]] ?? []
                #expect(findings.contains { $0["check"] as? String == "plural-forms" })
            }
            // Same as the English source: a warning, saved, returned and stored.
            try await client.execute(
                uri: "/v1/catalogs/es/rooms/keys/createRoom.title", method: .put, headers: editHeaders(key, ifMatch: "\"1\""), body: body(["value": "Create Room"])
            ) { response in
                #expect(response.status == .ok)
                let findings = response.object["findings"] as? [[String: Any]] ?? []
                #expect(findings.contains { $0["check"] as? String == "same-as-source" && $0["severity"] as? String == "warning" })
            }
            // A full plural group: saved in CLDR order whatever the JSON order.
            let forms = ["other": "\u{2068}{{count}}\u{2069} رد", "zero": "\u{2068}{{count}}\u{2069} رد", "one": "رد واحد",
                         "two": "ردان", "few": "\u{2068}{{count}}\u{2069} ردود", "many": "\u{2068}{{count}}\u{2069} ردًا"]
            try await client.execute(
                uri: "/v1/catalogs/ar/chat/keys/messageItem.replyCount", method: .put, headers: editHeaders(key, ifMatch: "\"1\""), body: body(["forms": forms])
            ) { response in
                #expect(response.status == .ok, "\(response.text)")
                let pluralForms = response.object["pluralForms"] as? [[String: Any]] ?? []
                #expect(pluralForms.compactMap { $0["category"] as? String } == ["zero", "one", "two", "few", "many", "other"])
            }
        }
        let stored = try #require(try await store.catalogEntry(CatalogEntryID(namespace: "rooms", key: "createRoom.title", language: "es")))
        #expect(stored.findings?.contains("same-as-source") == true)
        let unchanged = try #require(try await catalogs.entry(language: .arabic, namespace: "rooms", key: "roomCard.createdDate"))
        #expect(unchanged.revision == 1)
        let plural = try #require(try await store.catalogEntry(CatalogEntryID(namespace: "chat", key: "messageItem.replyCount", language: "ar")))
        #expect(plural.value?.hasPrefix("{\"zero\":") == true)
    }

    @Test func reviewHistoryAndRevert() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let translator = try await server.key([.catalogWrite(.arabic)]).key
        let reviewer = try await server.key([.catalogReview(.arabic)]).key
        try await server.test { client in
            let uri = "/v1/catalogs/ar/common/keys/errorBoundary.tryAgain"
            try await client.execute(uri: uri + "/review", method: .post, headers: editHeaders(reviewer)) { response in
                #expect(response.status == .preconditionRequired)
            }
            try await client.execute(uri: uri, method: .put, headers: editHeaders(translator, ifMatch: "\"1\""), body: body(["value": "حاول مجددًا"])) { response in
                #expect(response.status == .ok)
            }
            // A translator cannot mark reviewed; a reviewer can.
            try await client.execute(uri: uri + "/review", method: .post, headers: editHeaders(translator, ifMatch: "\"2\"")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: uri + "/review", method: .post, headers: editHeaders(reviewer, ifMatch: "\"2\"")) { response in
                #expect(response.status == .ok)
                #expect(response.object["state"] as? String == "reviewed")
                #expect(response.headers[.eTag] == "\"3\"")
            }
            try await client.execute(uri: "/v1/catalogs/ar/common/keys?state=reviewed", method: .get, headers: editHeaders(translator)) { response in
                let keys = (response.object["keys"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
                #expect(keys == ["errorBoundary.tryAgain"])
            }
            // Revert to the imported value, as a new revision.
            try await client.execute(uri: uri + "/revert", method: .post, headers: editHeaders(translator, ifMatch: "\"3\""), body: body(["revision": 1])) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"4\"")
                #expect((response.object["translation"] as? [String: Any])?["value"] as? String == "حاول مرة أخرى")
                #expect(response.object["state"] as? String == "translated")
            }
            try await client.execute(uri: uri + "/revert", method: .post, headers: editHeaders(translator, ifMatch: "\"4\""), body: body(["revision": 99])) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: uri + "/history", method: .get, headers: editHeaders(translator)) { response in
                #expect(response.status == .ok)
                let revisions = response.object["revisions"] as? [[String: Any]] ?? []
                #expect(revisions.compactMap { $0["kind"] as? String } == ["import", "edit", "review", "revert"])
                #expect(revisions.compactMap { $0["revision"] as? Int } == [1, 2, 3, 4])
                #expect((revisions[1]["new"] as? [String: Any])?["value"] as? String == "حاول مجددًا")
                #expect((revisions[1]["old"] as? [String: Any])?["value"] as? String == "حاول مرة أخرى")
                #expect((revisions[1]["author"] as? String)?.hasPrefix("test (key_") == true)
                #expect(revisions[2]["newState"] as? String == "reviewed")
                #expect(revisions[3]["note"] as? String == "reverted to revision 1")
            }
            // Reviewing an untranslated value is a conflict.
            _ = try await catalogs.setState(language: .arabic, namespace: "common", key: "button.send", state: .untranslated, expectedRevision: 1, author: "test")
            try await client.execute(uri: "/v1/catalogs/ar/common/keys/button.send/review", method: .post, headers: editHeaders(reviewer, ifMatch: "\"2\"")) { response in
                #expect(response.status == .conflict)
                #expect(response.envelope?.error.code == "no_value")
            }
        }
    }

    @Test func listingsShowSourcePluralExamplesFindingsAndGlossaryHits() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let key = try await server.key([.catalogRead]).key
        try await server.test { client in
            try await client.execute(uri: "/v1/catalogs/ar/chat/keys/messageItem.replyCount", method: .get, headers: editHeaders(key)) { response in
                #expect(response.status == .ok)
                let object = response.object
                #expect(object["plural"] as? Bool == true)
                let forms = object["pluralForms"] as? [[String: Any]] ?? []
                #expect(forms.count == 6)
                let byCategory = Dictionary(forms.map { ($0["category"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
                // Arabic few (e.g. 3) takes the English form for 3 (other); one takes one.
                #expect(byCategory["few"]?["source"] as? String == "{{count}} replies")
                #expect(byCategory["one"]?["source"] as? String == "{{count}} reply")
                #expect(byCategory["one"]?["example"] as? String == "1")
                let few = Int(byCategory["few"]?["example"] as? String ?? "") ?? 0
                #expect((3...10).contains(few % 100))
                #expect((byCategory["few"]?["translation"] as? String)?.contains("ردود") == true)
                let hits = object["glossary"] as? [[String: Any]] ?? []
                #expect(hits.contains { $0["source"] as? String == "reply" })
            }
            try await client.execute(uri: "/v1/catalogs/ar/rooms/keys?q=topic", method: .get, headers: editHeaders(key)) { response in
                let keys = (response.object["keys"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
                #expect(keys.contains("createRoom.topicLabel"))
                #expect(keys.allSatisfy { !$0.isEmpty })
                #expect(response.object["total"] as? Int == keys.count)
            }
            try await client.execute(uri: "/v1/catalogs/ar/rooms/keys?check=error", method: .get, headers: editHeaders(key)) { response in
                #expect(response.status == .ok)
                #expect(response.object["total"] as? Int == 0, "the shipped catalogs are QA-clean")
            }
            for bad in ["state=done", "check=nope", "limit=-1"] {
                try await client.execute(uri: "/v1/catalogs/ar/rooms/keys?\(bad)", method: .get, headers: editHeaders(key)) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
            for missing in ["/v1/catalogs/pt/rooms/keys", "/v1/catalogs/ar/nope/keys", "/v1/catalogs/ar/rooms/keys/no.such.key"] {
                try await client.execute(uri: missing, method: .get, headers: editHeaders(key)) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
            try await client.execute(uri: "/v1/catalogs", method: .get, headers: editHeaders(key)) { response in
                #expect(response.status == .ok)
                let namespaces = response.object["namespaces"] as? [[String: Any]] ?? []
                #expect(namespaces.compactMap { $0["name"] as? String }.contains("rooms"))
                let rooms = try #require(namespaces.first { $0["name"] as? String == "rooms" })
                let arabic = try #require((rooms["languages"] as? [String: Any])?["ar"] as? [String: Any])
                #expect((arabic["keys"] as? Int ?? 0) > 20)
                #expect(arabic["translated"] as? Int == arabic["keys"] as? Int)
                #expect(arabic["errors"] as? Int == 0)
                let languages = response.object["languages"] as? [[String: Any]] ?? []
                #expect(languages.first { $0["code"] as? String == "ar" }?["direction"] as? String == "rtl")
            }
        }
    }

    @Test func anEditChangesTheServedETagAtOnceAndIsAudited() async throws {
        let (catalogs, _) = try await CatalogEditFixture.catalogs()
        let server = try CatalogEditFixture.server(catalogs)
        let translator = try await server.key([.catalogWrite(.spanish)]).key
        let admin = try await server.key([.admin]).key
        try await server.test { client in
            let before = try await client.execute(uri: "/locales/es/common.json", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(
                uri: "/v1/catalogs/es/common/keys/button.close", method: .put, headers: editHeaders(translator, ifMatch: "\"1\""), body: body(["value": "Salir"])
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/locales/es/common.json", method: .get, headers: [.ifNoneMatch: before]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != before)
                #expect(response.text.contains("\"close\": \"Salir\""))
            }
            try await client.execute(uri: "/v1/audit?lang=es&limit=5", method: .get, headers: editHeaders(admin)) { response in
                #expect(response.status == .ok)
                let entries = response.object["entries"] as? [[String: Any]] ?? []
                let first = try #require(entries.first)
                #expect(first["action"] as? String == "catalog.edit")
                #expect(first["key"] as? String == "button.close")
                #expect(first["oldValue"] as? String == "Cerrar")
                #expect(first["newValue"] as? String == "Salir")
                #expect((first["actor"] as? String)?.contains("key_") == true)
            }
            try await client.execute(uri: "/v1/audit", method: .get, headers: editHeaders(translator)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
