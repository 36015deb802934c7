import Foundation
import LanguageDetection
import Languages
import Testing

/// Behaviour of the bundled detector: script decisions, `und`, stripping, chat examples.
@Suite struct DetectionBehaviourTests {
    let detector: LanguageDetector

    init() throws {
        detector = try LanguageDetector.bundled()
    }

    @Test func bundledModelIsCachedAndLoads() throws {
        let again = try LanguageDetector.bundled()
        #expect(again.detect("asante sana") == detector.detect("asante sana"))
    }

    @Test(arguments: ["مرحبا كيف حالك", "شكرا", "واش راك خويا", "ok شكرا بزاف"])
    func arabicScriptIsArabic(text: String) {
        let result = detector.detect(text)
        #expect(result.language == .arabic)
        #expect(result.reliable)
    }

    @Test(arguments: ["їжак", "Це моє місто", "Де ти є?", "ґанок", "Ти менi вiриш?"])
    func ukrainianLettersMeanUkrainian(text: String) {
        #expect(detector.detect(text).language == .ukrainian)
    }

    @Test(arguments: ["ёжик", "Это мой город", "мы были там", "объявление", "Где ты был?"])
    func russianLettersMeanRussian(text: String) {
        #expect(detector.detect(text).language == .russian)
    }

    @Test(arguments: ["ɗan'uwa", "Ƙasar nan", "ya ƙi", "ɓarawo ne", "ƴan mata"])
    func hausaHookedLettersMeanHausa(text: String) {
        #expect(detector.detect(text).language == .hausa)
    }

    @Test(arguments: ["", "   ", "😂😂😂", "👍🏽 🎉", "https://example.com/a?b=c", "www.example.org",
                      "@alice", "@alice.bsky.social", "#hashtag", "12345", "3.14 + 2,000", "?!...", "— :) ;-)",
                      "@bob https://t.co/xyz #tbt 😂 2024", "alice@example.com", "bsky.app"])
    func nothingLinguisticIsUnd(text: String) {
        let result = detector.detect(text)
        #expect(result.language == nil)
        #expect(result.candidates.isEmpty)
        #expect(result.confidence == 0)
        #expect(!result.reliable)
        #expect(result.code == "und")
    }

    @Test func lettersOfOtherScriptsAreUnd() {
        #expect(detector.detect("你好世界").language == nil)
        #expect(detector.detect("Καλημέρα").language == nil)
    }

    @Test(arguments: [
        ("asante sana", "@alice.bsky.social asante sana https://example.com/x 😂 #kenya"),
        ("go raibh maith agat", "go raibh maith agat!!! 🙏🙏 @seán #gaeilge"),
        ("дякую за допомогу", "https://example.ua/page дякую 🇺🇦 за допомогу @olena"),
        ("sannu da zuwa", "#Kano sannu da zuwa 🙂 www.example.com 2024"),
        ("¿qué tal?", "¿qué tal? 😀 @maria http://x.es"),
    ])
    func urlsMentionsHashtagsAndEmojiAreIgnored(clean: String, noisy: String) {
        #expect(detector.detect(noisy) == detector.detect(clean))
    }

    @Test(arguments: [
        ("sannu da zuwa", Language.hausa), ("na gode", .hausa), ("дякую!", .ukrainian), ("спасибо!", .russian),
        ("go raibh maith agat", .irish), ("asante sana", .swahili), ("habari yako", .swahili),
        ("¿qué tal?", .spanish), ("buenos días", .spanish), ("see you tomorrow", .english), ("thanks a lot", .english),
        ("كيف حالك", .arabic), ("як справи?", .ukrainian), ("как дела?", .russian), ("conas atá tú?", .irish),
    ])
    func shortChatExamples(text: String, expected: Language) {
        #expect(detector.detect(text).language == expected, "\(text)")
    }

    @Test(arguments: ["a", "Tom", "hello world", "habari", "дякую", "ok", "nice one 😂", "Я", "na"])
    func confidencesAreProbabilitiesSortedBestFirst(text: String) {
        let result = detector.detect(text)
        #expect(!result.candidates.isEmpty)
        #expect(result.candidates.allSatisfy { (0...1).contains($0.confidence) })
        #expect(zip(result.candidates, result.candidates.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
        #expect(result.candidates.reduce(0) { $0 + $1.confidence } <= 1.000_001)
        #expect(result.language == result.candidates.first?.language)
        #expect(result.confidence == result.candidates.first?.confidence)
        #expect(detector.language(of: text) == result.language)
    }

    @Test func longClearTextIsReliable() {
        let result = detector.detect("The weather is lovely today, shall we go for a walk in the park?")
        #expect(result.language == .english)
        #expect(result.reliable)
        #expect(result.confidence > 0.95)
    }

    @Test func batchDetectionMatchesSingle() {
        let texts = ["asante sana", "", "дякую!", "hola"]
        #expect(detector.detect(texts) == texts.map { detector.detect($0) })
    }
}

/// Edge cases of the input itself.
@Suite struct DetectionInputTests {
    @Test func hugeTextsDoNotOverflow() throws {
        let detector = try LanguageDetector.bundled()
        let text = String(repeating: "Tá an aimsir go hálainn inniu agus táimid ag dul go dtí an trá. ", count: 20_000)
        let result = detector.detect(text)
        #expect(result.language == .irish)
        #expect(result.reliable)
    }

    @Test func caseAndLookAlikesDoNotMatter() throws {
        let detector = try LanguageDetector.bundled()
        #expect(detector.detect("ДЯКУЮ ЗА ДОПОМОГУ").language == .ukrainian)
        #expect(detector.detect("SANNU DA ZUWA").language == detector.detect("sannu da zuwa").language)
        // A Latin "i" typed inside Cyrillic words reads as Ukrainian і.
        #expect(detector.detect("Менi подобається").language == .ukrainian)
    }
}

/// Which tokens are links or handles and which are words.
@Suite struct TokenFilterTests {
    @Test(arguments: ["t.co/abc", "bsky.app/profile/x", "example.com", "www.example.es", "https://a.b", "x@y.org", "@a.bsky.social"])
    func linksAndHandlesAreDropped(token: String) throws {
        let detector = try LanguageDetector.bundled()
        #expect(detector.detect("asante sana \(token)") == detector.detect("asante sana"))
    }

    @Test func wordsJoinedByADotAreKept() throws {
        let detector = try LanguageDetector.bundled()
        // "gracias.me" is a typo, not a link: its words still count.
        #expect(detector.detect("gracias.me voy").language == .spanish)
        #expect(detector.detect("gracias.me voy") != detector.detect("voy"))
    }
}
