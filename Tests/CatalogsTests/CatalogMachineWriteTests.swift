import Catalogs
import Foundation
import Languages
import Storage
import Testing

@Suite("Storing machine pre-translations")
struct CatalogMachineWriteTests {
    static func loaded() async throws -> (CatalogService, SQLiteStore) {
        let (service, store) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        return (service, store)
    }

    @Test func storesWholeValuesAsMachineAndNeverTouchesTranslatorsValues() async throws {
        let (service, store) = try await Self.loaded()
        let cleared = try await service.setState(language: .spanish, namespace: "chat", key: "messageItem.replyCount", state: .untranslated, expectedRevision: 1, author: "t")
        let versions = try await store.catalogVersions(namespace: "chat")
        let writes = [
            CatalogMachineWrite(namespace: "chat", key: "messageItem.replyCount", value: .plural([PluralForm(.one, "{{count}} respuesta"), PluralForm(.many, "{{count}} de respuestas"), PluralForm(.other, "{{count}} respuestas")]),
                                findings: [], expectedRevision: cleared.revision),
            // Translated by a person: left alone.
            CatalogMachineWrite(namespace: "rooms", key: "createRoom.nameLabel", value: .text("Miembros (máquina)"), findings: [], expectedRevision: 1),
        ]
        let result = try await service.storeMachineTranslations(language: .spanish, writes: writes, author: "machine")
        #expect(result.stored == ["chat:messageItem.replyCount"])
        #expect(result.skipped == ["rooms:createRoom.nameLabel"])
        let entry = try #require(try await service.entry(language: .spanish, namespace: "chat", key: "messageItem.replyCount"))
        #expect(entry.state == .machine)
        #expect(entry.value?.strings.count == 3)
        #expect(entry.revision == cleared.revision + 1)
        #expect(try await service.entry(language: .spanish, namespace: "rooms", key: "createRoom.nameLabel")?.state == .translated)
        #expect(try await store.catalogVersions(namespace: "chat")["es"] == (versions["es"] ?? 0) + 1)
    }

    @Test func refusedValuesOnlyRecordTheirFindings() async throws {
        let (service, store) = try await Self.loaded()
        let cleared = try await service.setState(language: .arabic, namespace: "rooms", key: "roomCard.createdDate", state: .untranslated, expectedRevision: 1, author: "t")
        let versions = try await store.catalogVersions(namespace: "rooms")
        let finding = CatalogFinding(.placeholders, language: "ar", namespace: "rooms", key: "roomCard.createdDate", message: "missing {{date}}")
        let result = try await service.storeMachineTranslations(
            language: .arabic, writes: [CatalogMachineWrite(namespace: "rooms", key: "roomCard.createdDate", value: nil, findings: [finding], expectedRevision: cleared.revision)],
            author: "machine")
        #expect(result.recorded == ["rooms:roomCard.createdDate"])
        let entry = try #require(try await service.entry(language: .arabic, namespace: "rooms", key: "roomCard.createdDate"))
        #expect(entry.state == .untranslated && entry.revision == cleared.revision)
        #expect(try await service.storedFindings(language: .arabic, namespace: "rooms", key: "roomCard.createdDate") == [finding])
        #expect(try await store.catalogVersions(namespace: "rooms") == versions, "nothing served changed")
    }
}
