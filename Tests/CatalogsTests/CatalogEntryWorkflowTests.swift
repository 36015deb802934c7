import Catalogs
import Foundation
import Languages
import Storage
import Testing

@Suite("Single entries: revisions, QA on save, conflicts, history, revert, states")
struct CatalogEntryWorkflowTests {
    func imported() async throws -> (CatalogService, SQLiteStore) {
        let (service, store) = try Fixtures.service()
        _ = try await service.importTree(from: Fixtures.catalogs)
        return (service, store)
    }

    @Test func saveBumpsTheRevisionAndTheNamespaceVersion() async throws {
        let (service, store) = try await imported()
        let before = try #require(try await service.entry(language: .ukrainian, namespace: "rooms", key: "createRoom.title"))
        #expect(before.revision == 1 && before.etag == "\"1\"")
        let version = try await store.catalogVersions(namespace: "rooms")["uk"]
        let result = try await service.save(language: .ukrainian, namespace: "rooms", key: "createRoom.title",
                                            value: .text("Створити нову кімнату"), expectedRevision: 1, author: "olena")
        #expect(result.entry.revision == 2)
        #expect(result.entry.state == .translated)
        #expect(result.entry.updatedBy == "olena")
        #expect(try await store.catalogVersions(namespace: "rooms")["uk"] == (version ?? 0) + 1)
        let served = try await service.document(locale: .language(.ukrainian), namespace: "rooms")
        #expect(String(decoding: served.bytes, as: UTF8.self).contains("Створити нову кімнату"))
    }

    @Test func listedFindingsFollowAChangedSource() async throws {
        // Findings are remembered per (language, key, source, value): the second listing must
        // not answer from the first one's memory once the English source has changed.
        let (service, _) = try await imported()
        let key = "createRoom.title"
        let before = try #require(try await service.entries(language: .spanish, namespace: "rooms").first { $0.key == key })
        #expect(!before.findings.contains { $0.check == .placeholders })
        let english = try #require(try await service.entry(language: .english, namespace: "rooms", key: key))
        _ = try await service.save(language: .english, namespace: "rooms", key: key, value: .text("Create a room for {{name}}"),
                                   expectedRevision: english.revision, author: "admin")
        let after = try #require(try await service.entries(language: .spanish, namespace: "rooms").first { $0.key == key })
        #expect(after.findings.contains { $0.check == .placeholders && $0.severity == .error })
        #expect(try await service.entry(language: .spanish, namespace: "rooms", key: key)?.findings == after.findings)
    }

    @Test func aStaleRevisionIsRefusedWithTheCurrentValue() async throws {
        let (service, _) = try await imported()
        _ = try await service.save(language: .spanish, namespace: "dm", key: "popover.ariaLabel", value: .text("Conversación privada con {{recipientDid}}"),
                                   expectedRevision: 1, author: "a")
        do {
            _ = try await service.save(language: .spanish, namespace: "dm", key: "popover.ariaLabel", value: .text("Mensajes directos con {{recipientDid}}"),
                                       expectedRevision: 1, author: "b")
            Issue.record("silent overwrite")
        } catch CatalogError.revisionMismatch(let expected, let current) {
            #expect(expected == 1)
            #expect(current?.revision == 2)
            #expect(current?.value == .text("Conversación privada con {{recipientDid}}"))
            #expect(CatalogError.revisionMismatch(expected: 1, current: current).httpStatus == 412)
        }
    }

    @Test func qaErrorsRejectTheSaveAndWarningsAreReturned() async throws {
        let (service, store) = try await imported()
        let key = "roomCard.createdDate"
        do {
            _ = try await service.save(language: .arabic, namespace: "rooms", key: key, value: .text("أُنشئت {{date}}"), expectedRevision: 1, author: "x")
            Issue.record("accepted an unisolated interpolation")
        } catch CatalogError.rejectedByChecks(let findings) {
            #expect(findings.contains { $0.check == .bidiInterpolation && $0.severity == .error })
            #expect(CatalogError.rejectedByChecks(findings).httpStatus == 422)
        }
        #expect(try await store.catalogEntry(CatalogEntryID(namespace: "rooms", key: key, language: "ar"))?.revision == 1)
        let warned = try await service.save(language: .swahili, namespace: "common", key: "button.back", value: .text("Back"), expectedRevision: 1, author: "x")
        #expect(warned.findings.map(\.check) == [.sameAsSource])
        #expect(try await store.catalogEntry(CatalogEntryID(namespace: "common", key: "button.back", language: "sw"))?.findings?.contains("same-as-source") == true)
    }

    @Test func pluralGroupsAreSavedAsForms() async throws {
        let (service, _) = try await imported()
        let forms: [PluralForm] = [
            PluralForm(.one, "{{count}} fhreagra"), PluralForm(.two, "{{count}} fhreagra"), PluralForm(.few, "{{count}} fhreagra"),
            PluralForm(.many, "{{count}} bhfreagra"), PluralForm(.other, "{{count}} freagra nua"),
        ]
        let saved = try await service.save(language: .irish, namespace: "chat", key: "messageItem.replyCount", value: .plural(forms), expectedRevision: 1, author: "x")
        #expect(saved.entry.value == .plural(forms))
        await #expect(throws: CatalogError.self) {
            try await service.save(language: .irish, namespace: "chat", key: "messageItem.replyCount", value: .plural(Array(forms.dropFirst())), expectedRevision: 2, author: "x")
        }
    }

    @Test func historyReviewAndRevert() async throws {
        let (service, _) = try await imported()
        let original = try #require(try await service.entry(language: .hausa, namespace: "common", key: "button.save")?.value)
        _ = try await service.save(language: .hausa, namespace: "common", key: "button.save", value: .text("Ajiye yanzu"), expectedRevision: 1, author: "musa")
        let reviewed = try await service.setState(language: .hausa, namespace: "common", key: "button.save", state: .reviewed, expectedRevision: 2, author: "amina")
        #expect(reviewed.state == .reviewed && reviewed.revision == 3)
        let reverted = try await service.revert(language: .hausa, namespace: "common", key: "button.save", to: 1, expectedRevision: 3, author: "amina")
        #expect(reverted.entry.value == original)
        #expect(reverted.entry.revision == 4)
        #expect(reverted.entry.state == .translated)
        let history = try await service.history(language: .hausa, namespace: "common", key: "button.save")
        #expect(history.map(\.kind) == [.import, .edit, .review, .revert])
        #expect(history.map(\.revision) == [1, 2, 3, 4])
        #expect(history[1].oldValue == original && history[1].newValue == .text("Ajiye yanzu") && history[1].author == "musa")
        #expect(history[2].oldState == .translated && history[2].newState == .reviewed)
        #expect(history[3].note == "reverted to revision 1")
        await #expect(throws: CatalogError.self) {
            try await service.revert(language: .hausa, namespace: "common", key: "button.save", to: 99, expectedRevision: 4, author: "x")
        }
    }

    @Test func unknownKeysAndNamespaces() async throws {
        let (service, _) = try await imported()
        #expect(try await service.entry(language: .arabic, namespace: "rooms", key: "nope") == nil)
        #expect(try await service.entry(language: .arabic, namespace: "../x", key: "a") == nil)
        do {
            _ = try await service.save(language: .arabic, namespace: "nope", key: "a", value: .text("x"), expectedRevision: 1, author: "x")
            Issue.record("saved to an unknown namespace")
        } catch let error as CatalogError {
            #expect(error.httpStatus == 404)
        }
        let entries = try await service.entries(language: .arabic, namespace: "rooms")
        #expect(entries.count == 33)
        #expect(entries.first?.key == "createRoom.title")
        #expect(entries.allSatisfy { $0.findings.allSatisfy { $0.severity != .error } })
    }
}
