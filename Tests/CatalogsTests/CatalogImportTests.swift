import Catalogs
import Foundation
import Languages
import Storage
import Testing

@Suite("Import, export and the 3-way merge")
struct CatalogImportTests {
    @Test func importThenExportOfTheWholeTreeChangesNoByte() async throws {
        let (service, _) = try Fixtures.service()
        let clock = ContinuousClock()
        let start = clock.now
        let report = try await service.importTree(from: Fixtures.catalogs)
        let importTime = clock.now - start
        #expect(report.documents == 72)
        #expect(report.languages["en"]?.added == 496)
        #expect(report.languages["ar"]?.added == 496)
        #expect(report.languages.values.allSatisfy { $0.updated == 0 && $0.obsoleted == 0 && $0.suggestions == 0 })
        let out = Fixtures.temporaryDirectory("export")
        let exportStart = clock.now
        let written = try await service.exportTree(to: out)
        let exportTime = clock.now - exportStart
        #expect(written.count == 72)
        let original = Fixtures.files(Fixtures.catalogs), exported = Fixtures.files(out)
        #expect(original.count == 72)
        #expect(exported.keys.sorted() == original.keys.sorted())
        for (path, bytes) in original { #expect(exported[path] == bytes, "\(path) differs") }
        print("import of the whole tree: \(importTime), export: \(exportTime)")
        // Importing the same tree again changes nothing.
        let again = try await service.importTree(from: Fixtures.catalogs)
        #expect(!again.changedAnything)
        #expect(again.languages["ga"]?.unchanged == 496)
    }

    @Test func shippedValuesAreTranslatedAndEnglishIsTheSource() async throws {
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        let entry = try #require(try await service.entry(language: .arabic, namespace: "chat", key: "messageItem.replyCount"))
        #expect(entry.state == .translated)
        #expect(entry.revision == 1)
        #expect(entry.source == .plural([PluralForm(.one, "{{count}} reply"), PluralForm(.other, "{{count}} replies")]))
        #expect(entry.value?.isPlural == true)
        #expect(try await service.namespaces() == ["atproto", "auth", "chat", "common", "dm", "feed", "rooms", "settings", "studio"])
    }

    @Test func importIfEmptyRunsOnlyOnFirstStart() async throws {
        let (service, _) = try Fixtures.service()
        #expect(try await service.importIfEmpty(from: Fixtures.catalogs) != nil)
        #expect(try await service.importIfEmpty(from: Fixtures.catalogs) == nil)
    }

    @Test func threeWayMerge() async throws {
        let tree = try Fixtures.copyOfCatalogs()
        let (service, store) = try Fixtures.service()
        _ = try await service.importTree(from: tree)
        // A translator edits two Spanish values in the store.
        let title = try #require(try await service.entry(language: .spanish, namespace: "rooms", key: "createRoom.title"))
        _ = try await service.save(language: .spanish, namespace: "rooms", key: "createRoom.title", value: .text("Crea una sala"),
                                   expectedRevision: title.revision, author: "ana")
        let submit = try #require(try await service.entry(language: .spanish, namespace: "rooms", key: "createRoom.submit"))
        _ = try await service.save(language: .spanish, namespace: "rooms", key: "createRoom.submit", value: .text("Crear la sala"),
                                   expectedRevision: submit.revision, author: "ana")
        // Meanwhile the files change: a new English key, a removed English key, a file-only
        // change, and a change to a value the store also changed.
        try Fixtures.edit(tree, .english, "rooms") { document in
            document.set("createRoom.hint", .text("Pick a short name"))
            document.remove("createRoom.visibility.private")
        }
        try Fixtures.edit(tree, .spanish, "rooms") { document in
            document.set("createRoom.topicLabel", .text("Tema de la sala"))          // only the file changed
            document.set("createRoom.title", .text("Crear sala nueva"))         // both changed
            document.set("createRoom.submit", .text("Crear la sala"))           // both changed the same way
            document.remove("createRoom.visibility.private")
        }
        let versionsBefore = try await store.catalogVersions(namespace: "rooms")
        let report = try await service.importTree(from: tree, author: "sync")
        let spanish = try #require(report.languages["es"])
        #expect(spanish.updated == 1)
        #expect(spanish.suggestions == 1)
        #expect(spanish.obsoleted == 1)
        #expect(spanish.untranslated == 1)
        #expect(report.languages["en"]?.added == 1)
        #expect(report.languages["en"]?.obsoleted == 1)
        #expect(report.languages["ar"]?.obsoleted == 1)
        #expect(report.summary.contains("es: 0 added, 1 updated, 1 obsoleted, 1 suggestions"))
        // New key: English added, other languages untranslated and served in English.
        let hint = try #require(try await service.entry(language: .arabic, namespace: "rooms", key: "createRoom.hint"))
        #expect(hint.state == .untranslated && hint.value == nil)
        let served = try await service.document(locale: .language(.arabic), namespace: "rooms")
        #expect(String(decoding: served.bytes, as: UTF8.self).contains("\"hint\": \"Pick a short name\""))
        // Obsolete key: kept with its history, not served, not exported.
        let obsolete = try #require(try await store.catalogEntry(CatalogEntryID(namespace: "rooms", key: "createRoom.visibility.private", language: "es")))
        #expect(obsolete.obsolete)
        #expect(try await store.catalogHistory(obsolete.id).last?.kind == .obsolete)
        #expect(!String(decoding: try await service.document(locale: .language(.spanish), namespace: "rooms").bytes, as: UTF8.self).contains("\"private\""))
        // File-only change: taken.
        #expect(try await service.entry(language: .spanish, namespace: "rooms", key: "createRoom.topicLabel")?.value == .text("Tema de la sala"))
        // Both changed: the store keeps its value, the file's is a suggestion revision.
        let kept = try #require(try await service.entry(language: .spanish, namespace: "rooms", key: "createRoom.title"))
        #expect(kept.value == .text("Crea una sala"))
        let history = try await service.history(language: .spanish, namespace: "rooms", key: "createRoom.title")
        #expect(history.map(\.kind) == [.import, .edit, .suggestion])
        #expect(history.last?.newValue == .text("Crear sala nueva"))
        #expect(history.last?.oldValue == .text("Crea una sala"))
        #expect(history.last?.author == "sync")
        // Both changed the same way: converged, nothing recorded.
        #expect(try await service.history(language: .spanish, namespace: "rooms", key: "createRoom.submit").map(\.kind) == [.import, .edit])
        // The namespace versions moved.
        let versionsAfter = try await store.catalogVersions(namespace: "rooms")
        #expect(versionsAfter["es"] ?? 0 > versionsBefore["es"] ?? 0)
        #expect(versionsAfter["en"] ?? 0 > versionsBefore["en"] ?? 0)
        // The same files again: no new suggestion (the file value is now the last sync).
        let again = try await service.importTree(from: tree)
        #expect(again.languages["es"]?.suggestions == 0)
        #expect(!again.changedAnything)
        // The key comes back to English: no longer obsolete.
        try Fixtures.edit(tree, .english, "rooms") { $0.set("createRoom.visibility.private", .text("Private")) }
        _ = try await service.importTree(from: tree)
        #expect(try await store.catalogEntry(CatalogEntryID(namespace: "rooms", key: "createRoom.visibility.private", language: "es"))?.obsolete == false)
    }

    @Test(arguments: [
        ("ar/rooms.json", "{\"members\": {", "ar/rooms.json"),
        ("ar/rooms.json", "{\"members\": {\"count_one\": {}}}\n", "at key 'members.count_one'"),
        ("es/common.json", "{\"actions\": {\"ok\": [\"OK\"]}}\n", "at key 'actions.ok'"),
        ("ga/..x.json", "{}\n", "invalid namespace name '..x'"),
        ("pt/rooms.json", "{}\n", "invalid language name 'pt'"),
    ])
    func malformedTreeIsRefusedAndTheStoreIsUntouched(file: String, content: String, message: String) async throws {
        let (service, store) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        let before = try await store.catalogEntries(namespace: nil, language: nil)
        let tree = try Fixtures.copyOfCatalogs()
        // A legitimate change elsewhere that must not be applied either.
        try Fixtures.edit(tree, .spanish, "auth") { $0.set("login.submit", .text("Entra")) }
        try Fixtures.write(content, to: tree, file)
        do {
            _ = try await service.importTree(from: tree)
            Issue.record("accepted a malformed tree")
        } catch let error as CatalogError {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.httpStatus == 400)
        }
        let after = try await store.catalogEntries(namespace: nil, language: nil)
        #expect(after == before)
    }

    @Test func pathTraversalThroughTheAPIIsRefused() async throws {
        let (service, store) = try Fixtures.service()
        let document = CatalogDocument(language: .english, namespace: "../x", items: [CatalogItem(key: "a", value: .text("x"))])
        await #expect(throws: CatalogError.self) { try await service.importDocuments([document], mode: .tree) }
        #expect(try await store.catalogIsEmpty())
    }

    @Test func aTreeWithoutEnglishIsRefused() async throws {
        let tree = Fixtures.temporaryDirectory("noen")
        try Fixtures.write("{\"a\": \"b\"}\n", to: tree, "es/x.json")
        let (service, store) = try Fixtures.service()
        await #expect(throws: CatalogError.self) { try await service.importTree(from: tree) }
        #expect(try await store.catalogIsEmpty())
    }

    @Test func exportMarksTheWrittenValuesAsSynced() async throws {
        let tree = try Fixtures.copyOfCatalogs()
        let (service, _) = try Fixtures.service()
        _ = try await service.importTree(from: tree)
        let entry = try #require(try await service.entry(language: .irish, namespace: "common", key: "button.close"))
        _ = try await service.save(language: .irish, namespace: "common", key: "button.close", value: .text("Go breá"), expectedRevision: entry.revision, author: "t")
        try await service.exportTree(to: tree)
        // Someone edits the exported file afterwards: only the file changed since the sync, so it wins.
        try Fixtures.edit(tree, .irish, "common") { $0.set("button.close", .text("Go breá!")) }
        let report = try await service.importTree(from: tree)
        #expect(report.languages["ga"]?.updated == 1)
        #expect(report.languages["ga"]?.suggestions == 0)
        #expect(try await service.entry(language: .irish, namespace: "common", key: "button.close")?.value == .text("Go breá!"))
    }
}
