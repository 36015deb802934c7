import Testing
@testable import Languages

@Suite("Bidi, sentences and normalization from ICU")
struct TextServicesTests {
    @Test func bidiDirection() {
        #expect(Bidi.direction(of: "مرحبا بالعالم") == .rightToLeft)
        #expect(Bidi.direction(of: "Hello world") == .leftToRight)
        #expect(Bidi.direction(of: "مرحبا @alice.bsky.social كيف حالك") == .mixed)
        #expect(Bidi.direction(of: "123 !? 😀") == .neutral)
        #expect(Bidi.baseDirection(of: "مرحبا Bob") == .rightToLeft)
        #expect(Bidi.baseDirection(of: "Bob مرحبا") == .leftToRight)
        #expect(Bidi.baseDirection(of: "") == .neutral)
    }

    @Test func sentences() {
        let text = "Hello there. How are you? I'm fine!"
        let pieces = SentenceBreaker(locale: "en").sentences(in: text)
        #expect(pieces == ["Hello there. ", "How are you? ", "I'm fine!"])
        #expect(pieces.joined() == text)
        let arabic = "مرحبا. كيف حالك؟ بخير."
        let arabicPieces = SentenceBreaker(locale: "ar").sentences(in: arabic)
        #expect(arabicPieces.count == 3)
        #expect(arabicPieces.joined() == arabic)
        #expect(SentenceBreaker(locale: "en").sentences(in: "").isEmpty)
        let emoji = "Great 👍🏽. Next 👨‍👩‍👧 one."
        #expect(SentenceBreaker(locale: "en").sentences(in: emoji).joined() == emoji)
    }

    @Test func normalization() {
        let decomposed = "Cafe\u{301}"
        let composed = "Café"
        #expect(UnicodeNormalizer.normalize(decomposed).unicodeScalars.count == 4)
        #expect(Array(UnicodeNormalizer.normalize(decomposed).unicodeScalars) == Array(composed.unicodeScalars))
        #expect(UnicodeNormalizer.normalize(composed, to: .nfd).unicodeScalars.count == 5)
        #expect(UnicodeNormalizer.normalize("ﬁ", to: .nfkc) == "fi")
        #expect(UnicodeNormalizer.isNormalized(composed))
        #expect(!UnicodeNormalizer.isNormalized(decomposed))
        #expect(UnicodeNormalizer.normalize("") == "")
        let long = String(repeating: "e\u{301}", count: 5000)
        #expect(UnicodeNormalizer.normalize(long).unicodeScalars.count == 5000)
    }

    @Test func icuVersion() {
        #expect(ICUInfo.version.hasPrefix("7"))
        #expect(!ICUInfo.cldrVersion.isEmpty)
    }
}
