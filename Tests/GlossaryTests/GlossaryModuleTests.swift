import Glossary
import Languages
import Testing

@Suite("Glossary module: rules per pair, exact and inflected matching, target checks, problems")
struct GlossaryModuleTests {
    let glossary = Glossary(terms: [
        GlossaryTerm(terms: [.english: "protoimsg", .spanish: "protoimsg"], doNotTranslate: true, caseSensitive: true),
        GlossaryTerm(terms: [.english: "buddy list", .spanish: "lista de amigos", .russian: "список друзей"]),
        GlossaryTerm(terms: [.english: "room", .russian: "комната"]),
    ])

    @Test func rulesForAPairKeepDntAndForceTermsWithATargetCell() {
        let spanish = glossary.rules(from: .english, to: .spanish)
        #expect(spanish == [
            GlossaryRule(source: "protoimsg", target: "protoimsg", doNotTranslate: true, caseSensitive: true),
            GlossaryRule(source: "buddy list", target: "lista de amigos"),
        ])
        // From Russian: only terms with a Russian cell (dnt rows need their source cell too).
        #expect(glossary.rules(from: .russian, to: .english).map(\.source) == ["список друзей", "комната"])
    }

    @Test func exactMatcherFindsWholeWordsWithByteRanges() {
        let matcher = ExactTermMatcher([GlossaryRule(source: "room", target: "sala"), .keep("protoimsg")])
        let text = "¡protoimsg! bathroom Room"
        let found = matcher.occurrences(in: text)
        #expect(found.map(\.range) == [2..<11, 22..<26])
        #expect(found.map(\.doNotTranslate) == [true, false])
        #expect(found.map(\.replacement) == [nil, "Sala"])
        #expect(ExactTermMatcher([]).isEmpty)
    }

    @Test func inflectedSourceMatchingAcceptsEnglishInflections() {
        #expect(glossary.hits(in: "Two rooms and your buddy lists").map(\.english) == ["buddy list", "room"])
        #expect(glossary.hits(in: "roomy").isEmpty)
    }

    @Test func targetCheckToleratesDeclension() {
        #expect(TargetTermCheck.uses("комната", in: "Войти в комнату", language: .russian))
        #expect(!TargetTermCheck.uses("комната", in: "Войти в чат", language: .russian))
    }

    @Test func problemsNameTheLineAndLanguage() throws {
        let csv = "en,es,dnt\nroom,sala,false\nroom,,maybe\n"
        let problems = try Glossary(csv: Array(csv.utf8), name: "g.csv").problems()
        #expect(problems.contains { $0.origin == "g.csv:3" && $0.message.contains("dnt must be true or false") })
        #expect(problems.contains { $0.origin == "g.csv:3" && $0.language == .spanish && $0.message == "empty es cell" })
        #expect(problems.contains { $0.message.contains("duplicate: 'room'") && $0.severity == .error })
    }
}
