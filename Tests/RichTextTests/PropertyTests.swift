import PropertyBased
import RichText
import Testing

/// Random rich text: fragments of several scripts, emoji and combining marks, with random valid
/// facets (protected and formatting, nested, adjacent, crossing, mid-grapheme).
struct RandomRichText: Sendable, CustomStringConvertible {
    static let fragments = [
        "hello", "world", " ", " ", " ", ", ", ". ", "\n", "مرحبا", "العالم", "привіт", "світ", "Привет",
        "👨‍👩‍👧", "👍🏽", "🇮🇪", "1️⃣", "🔥", "e\u{301}", "a\u{308}\u{323}", "@alice.bsky.social", "https://x.io/p?q=1",
        "#tag", "`code`", "42", "ß", "ﷺ", "\u{200F}", "<", "[", "}",
    ]

    static let features: [FacetFeature] = [
        .bold, .italic, .strikethrough, .blockquote, .codeInline,
        FacetFeature(type: "com.example#spoiler", fields: ["n": .integer(1)]),
    ]

    let facetedText: FacetedText
    var description: String { "\(facetedText.text.debugDescription) \(facetedText.facets.map { ($0.index.byteStart, $0.index.byteEnd, $0.features.first?.type ?? "") })" }

    init(pieces: [Int], facets: [[Int]]) {
        let text = pieces.map { Self.fragments[$0 % Self.fragments.count] }.joined()
        var boundaries = [0]
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += UTF8.width(scalar)
            boundaries.append(offset)
        }
        var result: [Facet] = []
        for (number, spec) in facets.enumerated() where spec.count == 3 {
            let a = boundaries[spec[0] % boundaries.count], b = boundaries[spec[1] % boundaries.count]
            guard a != b else { continue }
            let feature: FacetFeature = switch spec[2] % 9 {
            case 0: .mention(did: "did:plc:\(number)")
            case 1: .link(uri: "https://l.example/\(number)")
            case 2: .tag("t\(number)")
            default: Self.features[spec[2] % Self.features.count]
            }
            result.append(Facet(min(a, b), max(a, b), feature))
        }
        facetedText = FacetedText(text: text, facets: result)
    }
}

@Suite("Property-based invariants")
struct PropertyTests {
    static let input = zip(
        Gen.int(in: 0...200).array(of: 0...24),
        Gen.int(in: 0...400).array(of: 3).array(of: 0...6)
    ).map { RandomRichText(pieces: $0, facets: $1) }

    @Test("valid output through every fake", arguments: [Fake.keep, .drop, .reorder, .corrupt])
    func invariants(fake: Fake) async {
        await propertyCheck(count: 300, input: Self.input) { random in
            let input = random.facetedText
            #expect(throws: Never.self) { try validate(input.facets, in: input.text) }
            let log = CallLog(fake)
            let outcome: RichTextOutcome
            do {
                outcome = try await RichTextTranslator().translate(input) { try log.translate($0) }
            } catch {
                Issue.record("unexpected error \(error) for \(random)")
                return
            }
            guard let translation = outcome.translation else {
                #expect(log.batches.isEmpty)
                return
            }
            #expect(log.batches.count <= 2)
            checkInvariants(input, translation)
            if fake == .keep, let protected = try? ProtectedText(input), protected.markedText != nil, protected.hasMarkers {
                // Markers kept: one call, and every formatting facet over the same words.
                #expect(translation.strategy == .markers, "\(translation.fallbackReason ?? "") for \(random)")
                #expect(log.batches.count == 1)
                #expect(translation.warnings.isEmpty)
                let output = translation.richText
                let protectedRanges = input.facets.filter(isProtected).map(\.index.range)
                for facet in input.facets where !isProtected(facet) {
                    let range = facet.index.range
                    if protectedRanges.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                        // Inside protected text: moves with it, byte for byte.
                        let covered = translation.facets.filter { $0.features == facet.features }.map(output.covered(by:))
                        #expect(covered.contains(input.covered(by: facet)))
                        continue
                    }
                    // Cutting into protected text widens to the whole protected span; skip those here.
                    if protectedRanges.contains(where: { p in [range.lowerBound, range.upperBound].contains { p.lowerBound < $0 && $0 < p.upperBound } }) {
                        continue
                    }
                    let covered = translation.facets.filter { $0.features == facet.features }.map { output.covered(by: $0).uppercased() }
                    #expect(covered.contains(input.covered(by: facet).uppercased()), "\(facet.index) in \(random) → \(translation.text.debugDescription) \(covered)")
                }
            }
        }
    }

    @Test func failingTranslatorAlwaysThrows() async {
        await propertyCheck(count: 100, input: Self.input) { random in
            let outcome = try? await RichTextTranslator().translate(random.facetedText) { try Fake.fail.translate($0) }
            #expect(outcome == nil || outcome == .nothingToTranslate)
        }
    }

    @Test func invalidFacetsAreRejected() async {
        await propertyCheck(count: 200, input: Self.input, Gen.int(in: 0...3)) { random, mutation in
            let input = random.facetedText
            let count = input.text.utf8.count
            let bad: Facet
            switch mutation {
            case 0: bad = Facet(0, count + 1, .bold)
            case 1: bad = Facet(count / 2, count / 2, .italic)
            case 2:
                guard let inside = Array(input.text.utf8).indices.first(where: { Array(input.text.utf8)[$0] & 0xC0 == 0x80 }) else { return }
                bad = Facet(inside, count, .bold)
            default: bad = Facet(index: FacetIndex(byteStart: 0, byteEnd: max(count, 1)), features: [FacetFeature(json: .object(["uri": .string("x")]))])
            }
            var facets = input.facets
            let position = facets.count / 2
            facets.insert(bad, at: position)
            do throws(FacetValidationError) {
                try validate(facets, in: input.text)
                Issue.record("accepted invalid facet \(bad.index) in \(random)")
            } catch {
                #expect(error.facet == position, "\(error)")
            }
        }
    }
}
