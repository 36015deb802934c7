import Catalogs
import Foundation
import Glossary
import Hashing
import Languages
import Testing

@Suite("Glossary: CSV, version, validation, term matching")
struct GlossaryTests {
    @Test func theProductGlossaryLoads() throws {
        let glossary = try #require(Fixtures.glossary)
        #expect(glossary.terms.count == 40)
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.glossaries + "/protoimsg.csv"))
        #expect(glossary.version == Digest.sha256Hex([UInt8](data)))
        #expect(glossary.version.count == 64)
        let bluesky = try #require(glossary.terms.first { $0.english == "Bluesky" })
        #expect(bluesky.doNotTranslate && bluesky.caseSensitive)
        #expect(glossary.terms.first { $0.english == "buddy list" }?.terms[.irish] == "liosta cairde")
        #expect(glossary.validate().filter { $0.severity == .error }.isEmpty)
    }

    @Test func rfc4180Quoting() throws {
        let csv = "en,es,dnt,note\r\n\"room, public\",\"sala \"\"pública\"\"\",false,\"two\nlines\"\r\nGIF,GIF,true,\n"
        let glossary = try Glossary(csv: Array(csv.utf8), name: "t.csv")
        #expect(glossary.terms.count == 2)
        #expect(glossary.terms[0].english == "room, public")
        #expect(glossary.terms[0].terms[.spanish] == "sala \"pública\"")
        #expect(glossary.terms[0].note == "two\nlines")
        #expect(glossary.terms[1].origin == "t.csv:4")
        #expect(throws: GlossaryError.self) { try Glossary(csv: Array("en,es\n\"open,x\n".utf8)) }
        #expect(throws: GlossaryError.self) { try Glossary(csv: Array("en,pt\nroom,sala\n".utf8)) }
    }

    @Test func validationFindsDuplicatesEmptyCellsAndConflicts() throws {
        let csv = """
        en,es,ru,dnt
        room,sala,комната,false
        room,habitación,комната,false
        hall,sala,,false
        Bluesky,Bluesky,Блюскай,true
        chat,chat,чат,maybe

        """
        let findings = try Glossary(csv: Array(csv.utf8), name: "g.csv").validate()
        let messages = findings.map(\.message)
        #expect(messages.contains { $0.contains("duplicate: 'room'") })
        #expect(messages.contains { $0.contains("conflict: 'sala'") })
        #expect(messages.contains { $0.contains("empty ru cell") })
        #expect(messages.contains { $0.contains("do-not-translate term 'Bluesky' is 'Блюскай'") })
        #expect(messages.contains { $0.contains("dnt must be true or false") })
        #expect(findings.allSatisfy { $0.check == .glossaryFile })
        #expect(findings.first { $0.message.contains("empty ru cell") }?.key == "g.csv:4")
    }

    @Test func sourceHitsPreferLongerTermsAndEnglishInflections() throws {
        let glossary = try #require(Fixtures.glossary)
        #expect(glossary.hits(inSource: "Open your buddy list").map(\.english) == ["buddy list"])
        #expect(glossary.hits(inSource: "3 new buddies").map(\.english) == ["buddy"])
        #expect(glossary.hits(inSource: "Rooms you joined").map(\.english).contains("room"))
        #expect(glossary.hits(inSource: "Welcome to <strong>$t(common:appName)</strong>").isEmpty)
    }

    @Test(arguments: [
        (Language.russian, "комната", "Войти в комнату", true),
        (.russian, "комната", "Войти в чат", false),
        (.ukrainian, "учасник", "Немає учасників", true),
        (.arabic, "غرفة", "مغادرة الغرفة", true),
        (.arabic, "عضو", "بالعضو الجديد", true),
        (.irish, "ball", "3 bhall", true),
        (.irish, "ball", "8 mball", true),
        (.swahili, "chumba", "Vyumba vipya", true),
        (.swahili, "mwanachama", "wanachama 5", true),
        (.hausa, "aboki", "Abokai", true),
        (.spanish, "lista de amigos", "Listas de amigos", true),
        (.spanish, "lista de amigos", "Lista de contactos", false),
    ])
    func inflectedTargetsMatchTheirTermsStem(language: Language, term: String, text: String, uses: Bool) {
        let glossary = Glossary(terms: [GlossaryTerm(terms: [.english: "x", language: term])])
        let linter = CatalogLinter(glossary: glossary)
        _ = linter
        let findings = CatalogLinter(glossary: Glossary(terms: [GlossaryTerm(terms: [.english: "room", language: term])]))
            .check(language: language, key: "k", source: .text("The room"), target: .text(text))
        #expect(findings.contains { $0.check == .glossaryTerm } == !uses, "\(term) in \(text)")
    }
}
