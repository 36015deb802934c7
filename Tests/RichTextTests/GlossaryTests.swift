import Glossary
import RichText
import Testing

@Suite("Glossary terms through translation")
struct GlossaryTests {
    let glossary = [
        GlossaryRule.keep("protoimsg"),
        GlossaryRule.keep("AT Protocol"),
        GlossaryRule(source: "buddy list", target: "lista de amigos"),
        GlossaryRule(source: "room", target: "sala"),
        GlossaryRule(source: "Inner Circle", target: "Círculo Íntimo", caseSensitive: true),
    ]

    @Test("dnt and forced terms come out exactly", arguments: [Fake.keep, .drop, .reorder, .corrupt])
    func termsSurvive(fake: Fake) async throws {
        let text = "Open your buddy list in protoimsg, then join the Room built on the AT Protocol (not the inner circle)."
        let outcome = try await RichTextTranslator().translate(FacetedText(text: text), glossary: glossary) { try fake.translate($0) }
        let translation = try #require(outcome.translation)
        for expected in ["lista de amigos", "protoimsg", "Sala", "AT Protocol"] {
            #expect(translation.text.contains(expected), "\(expected) missing from \(translation.text)")
        }
        #expect(!translation.text.contains("buddy list"))
        #expect(!translation.text.contains("Círculo Íntimo"), "case-sensitive term matched the wrong case")
        checkInvariants(FacetedText(text: text), translation, glossary: glossary)
    }

    @Test func wordBoundaries() throws {
        let protected = try ProtectedText(FacetedText(text: "the bathroom, roomy room, rooms and ROOM."), glossary: glossary)
        #expect(protected.spans.map(\.original) == ["room", "ROOM"])
        #expect(protected.spans.map(\.output) == ["sala", "Sala"])
        #expect(protected.spans.map(\.kind) == [.glossaryForce, .glossaryForce])
    }

    @Test func longestTermWins() throws {
        let rules = [GlossaryRule(source: "room", target: "sala"), GlossaryRule(source: "room list", target: "lista de salas")]
        let protected = try ProtectedText(FacetedText(text: "open the room list"), glossary: rules)
        #expect(protected.spans.map(\.output) == ["lista de salas"])
    }

    @Test func onlyAForcedTermNeedsNoMachineTranslation() async throws {
        let log = CallLog(.keep)
        let outcome = try await RichTextTranslator().translate(FacetedText(text: " room "), glossary: glossary) { try log.translate($0) }
        #expect(outcome.translation?.text == " sala ")
        #expect(outcome.translation?.strategy == .glossaryOnly)
        #expect(log.batches.isEmpty)
        let kept = try await RichTextTranslator().translate(FacetedText(text: "protoimsg"), glossary: glossary) { try log.translate($0) }
        #expect(kept == .nothingToTranslate)
    }

    @Test func termInsideFormattingFollowsIt() async throws {
        let text = "Welcome to protoimsg rooms"
        let input = FacetedText(text: text, facets: [Facet("protoimsg", in: text, .bold)])
        let outcome = try await RichTextTranslator().translate(input, glossary: glossary) { try Fake.keep.translate($0) }
        let translation = try #require(outcome.translation)
        #expect(translation.facets.map(translation.richText.covered(by:)) == ["protoimsg"])
        checkInvariants(input, translation, glossary: glossary)
    }
}
