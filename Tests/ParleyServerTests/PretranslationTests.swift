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
import Synchronization
import Testing

/// Fake machine translators: each replaces English words by an Arabic word and keeps markers
/// (`<x0/>`, `<g1>`, `[0]`) as they are — unless told to mangle them.
enum FakeMT {
    /// Calls made and texts seen.
    final class Log: Sendable {
        let calls = Mutex<[[String]]>([])
        var count: Int { calls.withLock { $0.count } }
        var texts: [String] { calls.withLock { $0.flatMap { $0 } } }
    }

    static func translateWords(_ text: String) -> String {
        var out = ""
        var index = text.startIndex
        var inWord = false
        while index < text.endIndex {
            let character = text[index]
            if character == "<" || character == "[", let end = text[index...].firstIndex(of: character == "<" ? ">" : "]") {
                out += text[index...end]
                index = text.index(after: end)
                inWord = false
                continue
            }
            if character.isLetter && character.isASCII {
                if !inWord { out += "كلمة" }
                inWord = true
            } else {
                if !(character == "'" && inWord) { out.append(character) }
                inWord = character == "'" && inWord
            }
            index = text.index(after: index)
        }
        return out
    }

    /// Translates every text.
    static func working(_ log: Log = Log()) -> PretranslateFunction {
        { texts, source, target in
            #expect(source == .english)
            log.calls.withLock { $0.append(texts) }
            return texts.map(translateWords)
        }
    }

    /// Drops every marker (`<x0/>`, `<g1>`, `</g1>`, `[0]`, `[/1]`): restoring must fail, and the
    /// segments are translated instead.
    static func manglingMarkers(_ log: Log = Log()) -> PretranslateFunction {
        { texts, _, _ in
            log.calls.withLock { $0.append(texts) }
            return texts.map { text in
                var out = translateWords(text)
                for pattern in [#"</?[xg]\d+/?>"#, #"\[/?\d+\]"#] {
                    out = out.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
                }
                return out
            }
        }
    }

    /// Adds a placeholder of its own to everything: QA must refuse every value.
    static func inventingPlaceholders() -> PretranslateFunction {
        { texts, _, _ in texts.map { translateWords($0) + " {{oops}}" } }
    }

    /// Works for `calls - 1` calls, then throws.
    static func failing(after calls: Int, _ log: Log = Log()) -> PretranslateFunction {
        { texts, _, _ in
            let count = log.calls.withLock { list in list.append(texts); return list.count }
            if count >= calls { throw FakeMTError.backendDown }
            return texts.map(translateWords)
        }
    }

    enum FakeMTError: Error, CustomStringConvertible {
        case backendDown
        var description: String { "backend down (fake)" }
    }
}

/// The keys the tests clear in Arabic `chat`: plain, plural, placeholders, a glossary term,
/// and — in three keys the tests add to a copy of the tree, since protoimsg's `chat` has none —
/// markup with `$t()` nesting, `{{- x}}`, and a question for Arabic punctuation.
let pretranslateKeys = [
    "buddyList.loading", "buddyList.empty", "buddyMenu.moveTo", "memberList.heading", "messageItem.replyCount", "messageItem.translatedTo",
    "messageList.typing.many", "threadPanel.replyCount", "threadPanel.notFound", "pretranslation.promo", "pretranslation.link",
    "pretranslation.leaveConfirm",
]

/// Catalogs (the repository's, plus the three `pretranslation.*` keys in English and Arabic
/// `chat`) with `pretranslateKeys` made untranslated in Arabic.
func catalogsWithMissingArabic() async throws -> (CatalogService, SQLiteStore) {
    let tree = CatalogEditFixture.temporaryDirectory("pretranslate-tree")
    try FileManager.default.copyItem(atPath: CatalogEditFixture.root.appendingPathComponent("Catalogs").path, toPath: tree)
    let added: [Language: [(String, String)]] = [
        .english: [
            ("promo", "Pin the <strong>$t(common:appName)</strong> feed."), ("link", "Open {{- url}} in a new tab"),
            ("leaveConfirm", "Leave {{room}}? You can join again later."),
        ],
        .arabic: [
            ("promo", "ثبّت موجز <strong>\u{2068}$t(common:appName)\u{2069}</strong>."), ("link", "افتح \u{2068}{{- url}}\u{2069} في علامة تبويب جديدة"),
            ("leaveConfirm", "هل تريد مغادرة \u{2068}{{room}}\u{2069}؟ يمكنك الانضمام مجددًا لاحقًا."),
        ],
    ]
    for (language, values) in added {
        let path = "\(tree)/\(language.code)/chat.json"
        var document = try CatalogDocument(language: language, namespace: "chat", bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        for (key, value) in values { document.items.append(CatalogItem(key: "pretranslation.\(key)", value: .text(value))) }
        try Data(document.serialized()).write(to: URL(fileURLWithPath: path))
    }
    let store = try SQLiteStore(directory: CatalogEditFixture.temporaryDirectory("catalog-edit"))
    let catalogs = CatalogService(store: store, glossary: CatalogEditFixture.glossary)
    _ = try await catalogs.importTree(from: tree)
    for key in pretranslateKeys {
        let entry = try #require(try await catalogs.entry(language: .arabic, namespace: "chat", key: key))
        _ = try await catalogs.setState(language: .arabic, namespace: "chat", key: key, state: .untranslated, expectedRevision: entry.revision, author: "test")
    }
    return (catalogs, store)
}

/// Every stored value keeps the source's placeholders, nesting and markup, and has every CLDR form.
func expectIntact(_ entry: CatalogEntry, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let value = entry.value, let source = entry.source else {
        Issue.record("\(entry.key) has no value", sourceLocation: sourceLocation)
        return
    }
    switch (value, source) {
    case (.text(let text), .text(let english)):
        #expect(CatalogTokens.interpolations(text).sorted() == CatalogTokens.interpolations(english).sorted(), "\(entry.key): \(text)", sourceLocation: sourceLocation)
        #expect(CatalogTokens.nestings(text) == CatalogTokens.nestings(english), "\(entry.key)", sourceLocation: sourceLocation)
        #expect(CatalogTokens.tags(text).sorted() == CatalogTokens.tags(english).sorted(), "\(entry.key)", sourceLocation: sourceLocation)
    case (.plural(let forms), .plural):
        #expect(forms.map(\.category) == Language.arabic.plurals.categories(.cardinal), "\(entry.key)", sourceLocation: sourceLocation)
        for form in forms {
            #expect(CatalogTokens.interpolations(form.text).contains("{{count}}"), "\(entry.key)_\(form.category): \(form.text)", sourceLocation: sourceLocation)
        }
    default:
        Issue.record("\(entry.key): plain/plural mismatch", sourceLocation: sourceLocation)
    }
}

@Suite("Machine pre-translation")
struct PretranslationTests {
    @Test func aWorkingTranslatorFillsEveryMissingValueAsMachineAndQAClean() async throws {
        let (catalogs, _) = try await catalogsWithMissingArabic()
        let before = try await catalogs.entries(language: .arabic, namespace: "chat")
        let log = FakeMT.Log()
        let seen = Mutex<[PretranslationProgress]>([])
        let report = try await Pretranslator(catalogs: catalogs, translate: FakeMT.working(log), chunkSize: 4)
            .run(PretranslationRequest(language: .arabic, namespace: "chat", author: "machine (test)")) { progress in
                seen.withLock { $0.append(progress) }
            }
        #expect(report.stoppedReason == nil)
        #expect(report.progress.total == pretranslateKeys.count)
        #expect(report.progress.translated == pretranslateKeys.count, "\(report.failures)")
        #expect(report.progress.rejected == 0)
        #expect(seen.withLock { $0.map(\.done) } == [0, 4, 8, 12])
        #expect(log.count == 3, "one call per chunk: markers survived")
        let after = try await catalogs.entries(language: .arabic, namespace: "chat")
        for entry in after {
            let old = try #require(before.first { $0.key == entry.key })
            if pretranslateKeys.contains(entry.key) {
                #expect(entry.state == .machine, "\(entry.key)")
                #expect(entry.revision == old.revision + 1)
                #expect(entry.updatedBy == "machine (test)")
                #expect(!entry.findings.contains { $0.severity == .error }, "\(entry.key): \(entry.findings)")
                expectIntact(entry)
            } else {
                #expect(entry.state == old.state && entry.revision == old.revision && entry.value == old.value, "\(entry.key) untouched")
            }
        }
        // Plural forms come from the English form of a representative number: few/many/zero/two
        // from `other` (3, 11, 0, 2 replies), one from `one`.
        let replies = try #require(after.first { $0.key == "messageItem.replyCount" }?.value)
        #expect(replies.form(.few) == replies.form(.other))
        #expect(replies.form(.one) != replies.form(.other))
        // `reply` is a forced glossary term: it comes out as the glossary says, never through the machine.
        #expect(replies.form(.one)?.contains("رد") == true)
        #expect(!log.texts.contains { $0.contains("reply ") || $0.hasSuffix("reply") })
        // Right-to-left output got isolates and Arabic punctuation.
        let confirm = try #require(after.first { $0.key == "pretranslation.leaveConfirm" }?.value?.representative)
        #expect(confirm.contains("\u{2068}{{room}}\u{2069}"))
        #expect(confirm.contains("؟") && !confirm.contains("?"))
        let promo = try #require(after.first { $0.key == "pretranslation.promo" }?.value?.representative)
        #expect(promo.contains("<strong>") && promo.contains("$t(common:appName)"))
        // Served at once.
        let document = try await catalogs.document(locale: .language(.arabic), namespace: "chat")
        #expect(String(decoding: document.bytes, as: UTF8.self).contains("كلمة"))
        // History says machine.
        let history = try await catalogs.history(language: .arabic, namespace: "chat", key: "messageItem.replyCount")
        #expect(history.last?.newState == .machine)
        #expect(history.last?.note == "machine pre-translation")
    }

    @Test func onlyMissingLeavesMachineValuesAndTranslatorsValuesAreNeverTouched() async throws {
        let (catalogs, _) = try await catalogsWithMissingArabic()
        let pretranslator = Pretranslator(catalogs: catalogs, translate: FakeMT.working(), chunkSize: 5)
        _ = try await pretranslator.run(PretranslationRequest(language: .arabic, namespace: "chat"))
        let again = try await pretranslator.run(PretranslationRequest(language: .arabic, namespace: "chat", onlyMissing: true))
        #expect(again.progress.total == 0)
        let refresh = try await pretranslator.run(PretranslationRequest(language: .arabic, namespace: "chat"))
        #expect(refresh.progress.total == pretranslateKeys.count, "machine values are refreshed, translated ones are not selected")
        let all = try await pretranslator.run(PretranslationRequest(language: .arabic, onlyMissing: true))
        #expect(all.progress.total == 0)
        await #expect(throws: PretranslationError.sourceLanguage) {
            try await pretranslator.run(PretranslationRequest(language: .english))
        }
        await #expect(throws: PretranslationError.unknownNamespace("nope")) {
            try await pretranslator.run(PretranslationRequest(language: .arabic, namespace: "nope"))
        }
    }

    @Test func mangledMarkersFallBackToSegmentsAndNoPlaceholderIsLost() async throws {
        let (catalogs, _) = try await catalogsWithMissingArabic()
        let log = FakeMT.Log()
        let report = try await Pretranslator(catalogs: catalogs, translate: FakeMT.manglingMarkers(log), chunkSize: 4)
            .run(PretranslationRequest(language: .arabic, namespace: "chat"))
        #expect(report.stoppedReason == nil)
        #expect(report.progress.translated == pretranslateKeys.count, "\(report.failures)")
        #expect(log.count == 6, "a segment call after each marker call")
        for key in pretranslateKeys {
            let entry = try #require(try await catalogs.entry(language: .arabic, namespace: "chat", key: key))
            #expect(entry.state == .machine)
            expectIntact(entry)
        }
    }

    @Test func valuesFailingQAStayUntranslatedWithTheFindingRecorded() async throws {
        let (catalogs, _) = try await catalogsWithMissingArabic()
        let report = try await Pretranslator(catalogs: catalogs, translate: FakeMT.inventingPlaceholders(), chunkSize: 4)
            .run(PretranslationRequest(language: .arabic, namespace: "chat"))
        #expect(report.progress.translated == 0)
        #expect(report.progress.rejected == pretranslateKeys.count)
        #expect(report.failures.count == pretranslateKeys.count)
        #expect(report.failures.allSatisfy { $0.reason == "rejected by QA" && $0.findings.contains { $0.hasPrefix("placeholders:") } })
        for key in pretranslateKeys {
            let entry = try #require(try await catalogs.entry(language: .arabic, namespace: "chat", key: key))
            #expect(entry.state == .untranslated)
            #expect(entry.value == nil)
            #expect(entry.revision == 2, "recording findings makes no new revision")
            let findings = try await catalogs.storedFindings(language: .arabic, namespace: "chat", key: key)
            #expect(findings.contains { $0.check == .placeholders })
        }
        // The API shows the recorded finding, marked as the machine's.
        let server = try CatalogEditFixture.server(catalogs)
        let key = try await server.key([.catalogRead]).key
        try await server.test { client in
            try await client.execute(uri: "/v1/catalogs/ar/chat/keys?check=placeholders", method: .get, headers: editHeaders(key)) { response in
                let keys = response.object["keys"] as? [[String: Any]] ?? []
                #expect(keys.count == pretranslateKeys.count)
                let findings = keys.first?["findings"] as? [[String: Any]] ?? []
                #expect(findings.contains { $0["machine"] as? Bool == true })
            }
        }
    }

    @Test func aFailureHalfwayKeepsWhatWasDoneAndLeavesTheRestUntouched() async throws {
        let (catalogs, _) = try await catalogsWithMissingArabic()
        let report = try await Pretranslator(catalogs: catalogs, translate: FakeMT.failing(after: 3), chunkSize: 4)
            .run(PretranslationRequest(language: .arabic, namespace: "chat"))
        #expect(report.stoppedReason?.contains("backend down (fake)") == true)
        #expect(report.progress.translated == 8)
        #expect(report.progress.failed == 4)
        #expect(report.progress.done == report.progress.total)
        var machine = 0, untouched = 0
        for key in pretranslateKeys {
            let entry = try #require(try await catalogs.entry(language: .arabic, namespace: "chat", key: key))
            switch entry.state {
            case .machine:
                machine += 1
                expectIntact(entry)
                #expect(entry.revision == 3)
            case .untranslated:
                untouched += 1
                #expect(entry.value == nil)
                #expect(entry.revision == 2)
                #expect(try await catalogs.storedFindings(language: .arabic, namespace: "chat", key: key).isEmpty)
            default:
                Issue.record("\(key) is \(entry.state)")
            }
        }
        #expect(machine == 8 && untouched == 4)
        // A second run finishes the job.
        let rest = try await Pretranslator(catalogs: catalogs, translate: FakeMT.working(), chunkSize: 4)
            .run(PretranslationRequest(language: .arabic, namespace: "chat", onlyMissing: true))
        #expect(rest.progress.total == 4 && rest.progress.translated == 4)
    }

    @Test func anEditDuringTheRunWinsAndTheKeyIsSkipped() async throws {
        let (catalogs, _) = try await catalogsWithMissingArabic()
        let edited = Mutex(false)
        let translate: PretranslateFunction = { texts, _, _ in
            if !edited.withLock({ let was = $0; $0 = true; return was }) {
                // A translator saves buddyList.loading while the machine works on it.
                let entry = try #require(try await catalogs.entry(language: .arabic, namespace: "chat", key: "buddyList.loading"))
                _ = try await catalogs.save(language: .arabic, namespace: "chat", key: "buddyList.loading", value: .text("جارٍ التحميل…"),
                                            expectedRevision: entry.revision, author: "translator")
            }
            return texts.map(FakeMT.translateWords)
        }
        let report = try await Pretranslator(catalogs: catalogs, translate: translate, chunkSize: 20)
            .run(PretranslationRequest(language: .arabic, namespace: "chat"))
        #expect(report.progress.skipped == 1)
        #expect(report.progress.translated == pretranslateKeys.count - 1)
        let title = try #require(try await catalogs.entry(language: .arabic, namespace: "chat", key: "buddyList.loading"))
        #expect(title.value == .text("جارٍ التحميل…"))
        #expect(title.state == .translated)
    }

    @Test func theJobRouteRunsInTheBackgroundAndReportsProgressAndFailure() async throws {
        let (catalogs, store) = try await catalogsWithMissingArabic()
        let jobs = JobRegistry(store: store)
        let calls = FakeMT.Log()
        let server = try CatalogEditFixture.server(catalogs, jobs: jobs, pretranslate: FakeMT.failing(after: 2, calls))
        let admin = try await server.key([.admin]).key
        try await server.test { client in
            let id = try await client.execute(
                uri: "/v1/catalogs/ar/pretranslate", method: .post, headers: editHeaders(admin), body: body(["namespace": "chat"])
            ) { response in
                #expect(response.status == .accepted)
                let id = response.object["id"] as? String ?? ""
                #expect(response.headers[.location] == "/v1/jobs/\(id)")
                #expect(response.object["kind"] as? String == "catalog.pretranslate")
                return id
            }
            await jobs.wait(id)
            try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: editHeaders(admin)) { response in
                #expect(response.status == .ok)
                #expect(response.object["state"] as? String == "failed")
                #expect((response.object["reason"] as? String)?.contains("backend down") == true)
                let progress = response.object["progress"] as? [String: Any] ?? [:]
                #expect(progress["total"] as? Int == pretranslateKeys.count)
                #expect(progress["translated"] as? Int == 10)
                #expect(progress["failed"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/jobs/job_nope", method: .get, headers: editHeaders(admin)) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/catalogs/ar/pretranslate", method: .post, headers: editHeaders(admin), body: body(["namespace": "nope"])) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/catalogs/en/pretranslate", method: .post, headers: editHeaders(admin)) { response in
                #expect(response.status == .badRequest)
                #expect(response.envelope?.error.code == "source_language")
            }
            try await client.execute(uri: "/v1/audit", method: .get, headers: editHeaders(admin)) { response in
                let entries = response.object["entries"] as? [[String: Any]] ?? []
                #expect(entries.contains { $0["action"] as? String == "catalog.pretranslate" })
            }
        }
        // Without a translate function of its own the route runs the job through the engine
        // (here with no backend at all) to an end state.
        let bareJobs = JobRegistry(store: store)
        let bare = try CatalogEditFixture.server(catalogs, jobs: bareJobs)
        let key = try await bare.key([.admin]).key
        try await bare.test { client in
            let id = try await client.execute(uri: "/v1/catalogs/ar/pretranslate", method: .post, headers: editHeaders(key), body: body(["namespace": "common", "onlyMissing": true])) { response in
                #expect(response.status == .accepted)
                return response.object["id"] as? String ?? ""
            }
            await bareJobs.wait(id)
            try await client.execute(uri: "/v1/jobs/\(id)", method: .get, headers: editHeaders(key)) { response in
                #expect(["completed", "failed"].contains(response.object["state"] as? String ?? ""))
            }
        }
    }
}
