import RichText
import Testing

@Suite("Rich text through fake translators")
struct TranslatorFixtureTests {
    let translator = RichTextTranslator()

    static let cases: [(String, Fake)] = Fixtures.all.map(\.0).flatMap { name in
        [Fake.keep, .drop, .reorder, .corrupt].map { (name, $0) }
    }

    @Test("invariants hold", arguments: cases)
    func invariants(fixture: String, fake: Fake) async throws {
        let input = try #require(Fixtures.all.first { $0.0 == fixture }?.1)
        let log = CallLog(fake)
        let outcome = try await translator.translate(input) { try log.translate($0) }
        let translation = try #require(outcome.translation)
        checkInvariants(input, translation)
        #expect(log.batches.count <= 2)
        if fake == .keep {
            #expect(translation.strategy == .markers, "\(translation.fallbackReason ?? "")")
            #expect(translation.warnings.isEmpty)
        }
        if fake == .corrupt {
            #expect(translation.strategy == .segments)
            #expect(translation.fallbackReason != nil)
        }
    }

    @Test("a failing translator's error propagates", arguments: Fixtures.all.map(\.0))
    func failing(fixture: String) async throws {
        let input = try #require(Fixtures.all.first { $0.0 == fixture }?.1)
        await #expect(throws: BackendDown.self) {
            _ = try await translator.translate(input) { try Fake.fail.translate($0) }
        }
    }

    @Test func keptMarkersPlaceFormattingExactly() async throws {
        let outcome = try await translator.translate(Fixtures.nested) { try Fake.keep.translate($0) }
        let translation = try #require(outcome.translation)
        let output = translation.richText
        let covered = Dictionary(grouping: translation.facets, by: { $0.features }).mapValues { $0.map(output.covered(by:)) }
        #expect(translation.text == "ES: PLEASE READ THE DOCS here BEFORE TOMORROW MORNING")
        #expect(covered[[.italic]] == ["READ THE DOCS here BEFORE"])
        #expect(covered[[.bold]]?.sorted() == ["DOCS here", "MORNING"])
        #expect(covered[[.link(uri: "https://docs.example.com")]] == ["here"])
        #expect(covered[[.strikethrough]] == ["TOMORROW"])
    }

    @Test func crossingFacetsAreCutAndJoinedAgain() async throws {
        let protected = try ProtectedText(Fixtures.crossing)
        #expect(protected.markedText == "<g0>one two <g1>three</g1></g0><g2> four five</g2> six")
        let translation = try protected.restore("<g0>uno dos <g1>tres</g1></g0><g2> cuatro cinco</g2> seis")
        let output = translation.richText
        #expect(translation.facets.map(output.covered(by:)) == ["uno dos tres", "tres cuatro cinco"])
    }

    @Test func droppedMarkerFallsBackToSegments() async throws {
        let log = CallLog(.drop)
        let outcome = try await translator.translate(Fixtures.arabic) { try log.translate($0) }
        let translation = try #require(outcome.translation)
        #expect(translation.strategy == .segments)
        #expect(log.batches.count == 2)
        #expect(log.batches[1] == ["مرحبا", "شاهد هذا", "الآن يا صديقي"])
        #expect(translation.text.hasPrefix("ES: مرحبا @alice.bsky.social ES: شاهد هذا https://example.com/a?b=c ES: الآن"))
        checkInvariants(Fixtures.arabic, translation)
    }

    @Test func partialFormattingInSegmentFallbackIsWidenedWithWarning() async throws {
        let outcome = try await translator.translate(Fixtures.nested) { try Fake.corrupt.translate($0) }
        let translation = try #require(outcome.translation)
        #expect(translation.strategy == .segments)
        #expect(translation.warnings.contains { $0.code == RichTextWarning.formattingWidened })
        checkInvariants(Fixtures.nested, translation)
    }

    @Test func reorderedPlaceholderMovesItsFacet() async throws {
        let outcome = try await translator.translate(Fixtures.edges) { try Fake.reorder.translate($0) }
        let translation = try #require(outcome.translation)
        #expect(translation.strategy == .markers)
        #expect(translation.text == "#standup ES: @bob meeting the at you see")
        checkInvariants(Fixtures.edges, translation)
    }

    @Test("only protected content: nothing to translate", arguments: [
        FacetedText(text: "@alice.bsky.social", facets: [Facet(0, 18, .mention(did: "did:plc:alice"))]),
        FacetedText(text: "  👨‍👩‍👧 👍🏽🇮🇪  "),
        FacetedText(text: " \n\t "),
        FacetedText(text: "https://example.com 🎉"),
        FacetedText(text: "123 + 456 = 579 😀"),
    ])
    func nothingToTranslate(input: FacetedText) async throws {
        let log = CallLog(.keep)
        let outcome = try await translator.translate(input) { try log.translate($0) }
        #expect(outcome == .nothingToTranslate)
        #expect(log.batches.isEmpty)
    }

    @Test func wrongCountIsAnError() async throws {
        await #expect(throws: RichTextError.translationCountMismatch(expected: 1, received: 0)) {
            _ = try await translator.translate(Fixtures.edges) { _ in [] }
        }
    }

    @Test func emptyTranslationIsAnError() async throws {
        await #expect(throws: RichTextError.emptyTranslation(segment: 0)) {
            _ = try await translator.translate(FacetedText(text: "hello world")) { $0.map { _ in " " } }
        }
    }

    @Test func invalidInputIsRefused() async throws {
        let input = FacetedText(text: "héllo", facets: [Facet(2, 3, .bold)])
        await #expect(throws: FacetValidationError.notOnCharacterBoundary(facet: 0, offset: 2)) {
            _ = try await translator.translate(input) { try Fake.keep.translate($0) }
        }
    }

    @Test func tolerantMarkerReading() throws {
        let protected = try ProtectedText(Fixtures.edges)
        #expect(protected.markedText == "<x0/> see you at the meeting <x1/>")
        for output in ["< x0 /> nos vemos en la reunión <X1/>", "<x٠/> nos vemos en la reunión <x1>", "<x0/>nos vemos en la reunión<x1/>"] {
            let translation = try protected.restore(output)
            #expect(translation.text == "@bob nos vemos en la reunión #standup", "\(output)")
            checkInvariants(Fixtures.edges, translation)
        }
    }

    @Test("every kind of loss is detected", arguments: [
        ("<x0/> nos vemos", MarkerError.missingPlaceholder(id: 1)),
        ("<x0/> nos <x0/> vemos <x1/>", .duplicatePlaceholder(id: 0)),
        ("<x0/> nos vemos <x 1 O/>", .corruptedMarker),
        ("<x0/> nos vemos <x7/> <x1/>", .unknownMarker("<x7/>")),
        ("<x0/> nos vemos [1]", .missingPlaceholder(id: 1)),
        ("<x0/> <g1>nos</g1> <x1/>", .unknownMarker("<g1>")),
        ("<x0/> <x1/>", .emptyTranslation),
    ])
    func lossDetection(output: String, error: MarkerError) throws {
        let protected = try ProtectedText(Fixtures.edges)
        #expect(throws: error) { try protected.restore(output) }
    }

    @Test func unbalancedAndCrossedFormattingIsDetected() throws {
        let protected = try ProtectedText(Fixtures.crossing)
        #expect(throws: MarkerError.unbalancedMarker(id: 2)) { try protected.restore("<g0>uno dos <g1>tres</g1></g0> cuatro cinco</g2> seis") }
        #expect(throws: MarkerError.improperNesting(id: 0)) { try protected.restore("<g0>uno dos <g1>tres</g0></g1><g2> cuatro cinco</g2> seis") }
        #expect(throws: MarkerError.formattingLost(facet: 1)) { try protected.restore("<g0>uno dos <g1></g1></g0><g2> </g2> seis") }
    }

    @Test func bracketStyleIsUsedWhenTheTextHasTagSyntax() async throws {
        let text = "use <g1> for bold, @bob"
        let input = FacetedText(text: text, facets: [Facet("@bob", in: text, .mention(did: "did:plc:bob"))])
        let protected = try ProtectedText(input)
        #expect(protected.markerStyle == .brackets)
        #expect(protected.markedText == "use <g1> for bold, [0]")
        let translation = try protected.restore("usa <g1> para negrita, [ 0 ]")
        #expect(translation.text == "usa <g1> para negrita, @bob")
        checkInvariants(input, translation)
    }

    @Test func textWithEveryMarkerSyntaxGoesStraightToSegments() async throws {
        let text = "literal <x0/> and [1] stay, @bob"
        let input = FacetedText(text: text, facets: [Facet("@bob", in: text, .mention(did: "did:plc:bob"))])
        let log = CallLog(.keep)
        let outcome = try await translator.translate(input) { try log.translate($0) }
        let translation = try #require(outcome.translation)
        #expect(log.batches.count == 1)
        #expect(translation.strategy == .segments)
        checkInvariants(input, translation)
    }

    @Test func spaceIsRestoredWhenTheModelGluesAPlaceholderToAWord() throws {
        let protected = try ProtectedText(FacetedText(text: "hello @bob how are you"))
        #expect(try protected.restore("hola<x0/>cómo estás").text == "hola @bob cómo estás")
        #expect(try protected.restore("(<x0/>), ¿cómo estás?").text == "(@bob), ¿cómo estás?")
    }
}
