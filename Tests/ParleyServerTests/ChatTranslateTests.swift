import BackendFakes
import Foundation
import Glossary
import HTTPTypes
import HummingbirdTesting
import Languages
import ParleyServer
import RichText
import ServiceConfiguration
import Testing
import TranslationBackends

/// `POST /v1/chat/translate` through backends that keep, drop, reorder or corrupt markers, or
/// fail: output facets are valid and protected spans survive byte for byte.
@Suite("Chat auto-translation with rich text")
struct ChatTranslateTests {
    struct Reply: Decodable {
        struct Source: Decodable { var language: String; var confidence: Double }
        struct Translation: Decodable {
            var text: String
            var facets: [Facet]
            var warnings: [RichTextWarning]?
            var unchanged: Bool?
        }
        struct Failure: Decodable { var code: String; var message: String }
        struct Message: Decodable {
            var uri: String?
            var source: Source
            var translations: [String: Translation]
            var errors: [String: Failure]?
        }
        var messages: [Message]
    }

    /// Fixture messages that are hard: emoji and ZWJ sequences, combining marks, Arabic with a
    /// Latin handle and a URL, facets at byte 0 and at the end, nested and adjacent facets.
    static let fixtures: [(String, [Facet])] = {
        func range(_ text: String, _ part: String) -> (Int, Int) {
            let bytes = Array(text.utf8), needle = Array(part.utf8)
            for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
                return (start, start + needle.count)
            }
            return (0, 0)
        }
        let first = "@alice.bsky.social welcome to the room 👨‍👩‍👧 see https://protoimsg.app/rooms/42"
        let (m0, m1) = range(first, "@alice.bsky.social")
        let (l0, l1) = range(first, "https://protoimsg.app/rooms/42")
        let (b0, b1) = range(first, "welcome to the room")
        let arabic = "مرحبا @bob.bsky.social شاهد https://example.org/x الآن"
        let (am0, am1) = range(arabic, "@bob.bsky.social")
        let (al0, al1) = range(arabic, "https://example.org/x")
        let nested = "Cafe\u{301} is *really* open today #coffee"
        let (i0, i1) = range(nested, "*really*")
        let (t0, t1) = range(nested, "#coffee")
        let code = "Run `swift build` then tell everyone 👍🏽"
        let (c0, c1) = range(code, "`swift build`")
        let whole = "Good morning everyone"
        return [
            (first, [Facet(m0, m1, .mention(did: "did:plc:alice")), Facet(b0, b1, .bold), Facet(l0, l1, .link(uri: "https://protoimsg.app/rooms/42"))]),
            (arabic, [Facet(am0, am1, .mention(did: "did:plc:bob")), Facet(al0, al1, .link(uri: "https://example.org/x"))]),
            (nested, [Facet(i0, i1, .italic), Facet(0, 6, .bold), Facet(t0, t1, .tag("coffee"))]),
            (code, [Facet(c0, c1, .codeInline)]),
            (whole, [Facet(0, whole.utf8.count, .bold)]),
        ]
    }()

    static let behaviours: [(String, @Sendable (String, LanguagePair) -> String)] = [
        ("keep", { text, pair in "[\(pair.target.code)] " + text.uppercased() }),
        ("drop", { text, pair in "[\(pair.target.code)] " + text.replacingOccurrences(of: "<x0/>", with: "") }),
        ("reorder", { text, pair in
            let words = text.split(separator: " ")
            return "[\(pair.target.code)] " + words.reversed().joined(separator: " ")
        }),
        ("corrupt", { text, pair in
            "[\(pair.target.code)] " + text.replacingOccurrences(of: "<x0/>", with: "< x O />").replacingOccurrences(of: "[0]", with: "[ O ]")
        }),
    ]

    func post(_ server: TestService, _ body: String) async throws -> (HTTPResponse.Status, Reply?, String) {
        try await server.test { client in
            try await client.execute(uri: "/v1/chat/translate", method: .post, body: json(body)) { response in
                (response.status, try? JSONDecoder().decode(Reply.self, from: Data(buffer: response.body)), response.text)
            }
        }
    }

    func requestBody(_ fixtures: [(String, [Facet])], targets: [String] = ["es"]) throws -> String {
        struct Message: Encodable { var uri: String; var text: String; var facets: [Facet] }
        struct Body: Encodable { var messages: [Message]; var targets: [String] }
        let body = Body(messages: fixtures.enumerated().map { Message(uri: "at://did:plc:x/app.protoimsg.chat.message/\($0)", text: $1.0, facets: $1.1) }, targets: targets)
        return String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
    }

    @Test("facets stay valid and protected spans survive", arguments: 0..<4)
    func protectedSpansSurvive(behaviour: Int) async throws {
        let backend = InProcessBackend(name: "nllb")
        backend.transform = Self.behaviours[behaviour].1
        let server = try TestService(backends: [backend])
        let (status, reply, text) = try await post(server, try requestBody(Self.fixtures))
        #expect(status == .ok, "\(text)")
        let messages = try #require(reply?.messages)
        #expect(messages.count == Self.fixtures.count)
        for (message, fixture) in zip(messages, Self.fixtures) {
            let input = FacetedText(text: fixture.0, facets: fixture.1)
            guard let translation = message.translations["es"] else {
                Issue.record("no translation for \(fixture.0): \(message.errors ?? [:])")
                continue
            }
            #expect(throws: Never.self, "\(Self.behaviours[behaviour].0): \(translation.text)") {
                try validate(translation.facets, in: translation.text, byteLimit: nil)
            }
            let output = FacetedText(text: translation.text, facets: translation.facets)
            for facet in input.facets where facet.features.contains(where: { $0.kind?.isProtected == true }) {
                let original = input.covered(by: facet)
                #expect(translation.text.contains(original), "\(Self.behaviours[behaviour].0): lost \(original) in \(translation.text)")
                let kept = output.facets.filter { $0.features == facet.features }.map { output.covered(by: $0) }
                #expect(kept.contains(original), "\(Self.behaviours[behaviour].0): facet for \(original) not on its bytes: \(kept)")
            }
        }
    }

    @Test func failingBackendGivesAnHonestError() async throws {
        let backend = InProcessBackend(name: "nllb")
        backend.fault = .fail(.serverError(status: 500, message: "boom"))
        let server = try TestService(backends: [backend])
        let (status, reply, _) = try await post(server, try requestBody([Self.fixtures[0]]))
        #expect(status == .serviceUnavailable)
        let message = try #require(reply?.messages.first)
        #expect(message.translations.isEmpty)
        #expect(message.errors?["es"]?.code == "backend_error")
    }

    @Test func undeterminedAndSameLanguage() async throws {
        let backend = InProcessBackend(name: "nllb")
        let server = try TestService(backends: [backend])
        let mentionOnly = "@alice.bsky.social 👍"
        let body = try requestBody([(mentionOnly, [Facet(0, 18, .mention(did: "did:plc:alice"))]), ("Hello everyone, good morning", [])], targets: ["es", "en"])
        let (status, reply, _) = try await post(server, body)
        #expect(status == .ok)
        let messages = try #require(reply?.messages)
        #expect(messages[0].source.language == "und")
        #expect(messages[0].translations["es"]?.unchanged == true)
        #expect(messages[0].translations["es"]?.text == mentionOnly)
        #expect(messages[0].translations["es"]?.facets.count == 1)
        #expect(messages[1].source.language == "en")
        #expect(messages[1].translations["en"] == nil)  // the source language is left out
        #expect(messages[1].translations["es"] != nil)
        #expect(backend.calls == 1)
    }

    @Test func glossaryTermsComeOutExactly() async throws {
        let backend = InProcessBackend(name: "nllb")
        backend.transform = { text, pair in "[\(pair.target.code)] " + text }
        let catalogsGlossary = try Glossary(csv: Array("en,es,ru,ar,uk,ga,sw,ha,dnt,case,note\nprotoimsg,protoimsg,protoimsg,protoimsg,protoimsg,protoimsg,protoimsg,protoimsg,true,true,brand\nbuddy list,lista de amigos,список контактов,قائمة الأصدقاء,список контактів,liosta cairde,orodha ya marafiki,jerin abokai,false,false,\n".utf8))
        let server = try TestService(backends: [backend], catalogs: CatalogService(store: try temporaryCatalogStore(), glossary: catalogsGlossary))
        let body = try requestBody([("Open your buddy list in protoimsg now", [])], targets: ["es"])
        let (_, reply, _) = try await post(server, body)
        let translated = try #require(reply?.messages.first?.translations["es"]?.text)
        #expect(translated.contains("lista de amigos"))
        #expect(translated.contains("protoimsg"))
        #expect(!translated.contains("buddy list"))
    }

    @Test("bad input gets 400 naming the facet", arguments: [
        (#"{"messages":[{"text":"hello","facets":[{"index":{"byteStart":2,"byteEnd":40},"features":[{"$type":"app.protoimsg.chat.message#bold"}]}]}],"targets":["es"]}"#, 400, "facets[0]"),
        (#"{"messages":[{"text":"héllo","facets":[{"index":{"byteStart":2,"byteEnd":4},"features":[{"$type":"app.protoimsg.chat.message#bold"}]}]}],"targets":["es"]}"#, 400, "facets[0]"),
        (#"{"messages":[{"text":"hello","facets":[{"index":{"byteStart":3,"byteEnd":3},"features":[{"$type":"app.protoimsg.chat.message#bold"}]}]}],"targets":["es"]}"#, 400, "facets[0]"),
        (#"{"messages":[{"text":"hello","facets":[{"index":{"byteStart":0,"byteEnd":2},"features":[{"bold":true}]}]}],"targets":["es"]}"#, 400, "facets[0].features[0]"),
        (#"{"messages":[],"targets":["es"]}"#, 400, "messages"),
        (#"{"messages":[{"text":"hi"}],"targets":["xx"]}"#, 400, "targets[0]"),
    ])
    func badInput(body: String, status: Int, mentions: String) async throws {
        let server = try TestService(backends: [InProcessBackend(name: "nllb")])
        try await server.test { client in
            try await client.execute(uri: "/v1/chat/translate", method: .post, body: json(body)) { response in
                #expect(response.status.code == status, "\(response.text)")
                #expect(response.envelope?.error.message.contains(mentions) == true, "\(response.text)")
            }
        }
    }

    @Test func textOverTheLimitIs413() async throws {
        let server = try TestService(backends: [InProcessBackend(name: "nllb")])
        let long = String(repeating: "a", count: 3001)
        try await server.test { client in
            try await client.execute(uri: "/v1/chat/translate", method: .post, body: json(#"{"messages":[{"text":"\#(long)"}],"targets":["es"]}"#)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func unknownWellFormedFeaturesAreKept() async throws {
        let server = try TestService(backends: [InProcessBackend(name: "nllb")])
        let body = #"{"messages":[{"text":"Hello everyone in the room","facets":[{"index":{"byteStart":0,"byteEnd":5},"features":[{"$type":"com.example.sparkle","level":3}]}]}],"targets":["es"]}"#
        let (status, reply, text) = try await post(server, body)
        #expect(status == .ok, "\(text)")
        let facets = try #require(reply?.messages.first?.translations["es"]?.facets)
        #expect(facets.first?.features.first?.type == "com.example.sparkle")
        #expect(text.contains(#""level":3"#))
    }

    @Test func richTextFormatOnV1Translate() async throws {
        let server = try TestService(backends: [InProcessBackend(name: "nllb")])
        let body = #"{"texts":[{"text":"Hi @alice.bsky.social how are you","facets":[{"index":{"byteStart":3,"byteEnd":21},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:alice"}]}]}],"source":"en","targets":["es","en"],"format":"richtext"}"#
        try await server.test { client in
            try await client.execute(uri: "/v1/translate", method: .post, body: json(body)) { response in
                #expect(response.status == .ok, "\(response.text)")
                let result = (object(response)["results"] as? [[String: Any]])?.first
                let spanish = (result?["translations"] as? [String: [String: Any]])?["es"]
                let text = spanish?["text"] as? String ?? ""
                #expect(text.contains("@alice.bsky.social"))
                #expect((spanish?["facets"] as? [Any])?.count == 1)
                #expect(((result?["translations"] as? [String: [String: Any]])?["en"])?["unchanged"] as? Bool == true)
            }
            try await client.execute(uri: "/v1/translate", method: .post, body: json(#"{"texts":["plain"],"targets":["es"],"format":"richtext"}"#)) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

import Catalogs
import Storage

func temporaryCatalogStore() throws -> SQLiteStore {
    try SQLiteStore(directory: FileManager.default.temporaryDirectory.appendingPathComponent("parley-chat-\(UUID().uuidString)").path)
}
