import RichText
import Testing

@Suite("Protected spans in plain text")
struct DetectionTests {
    func spans(_ text: String, _ options: RichTextOptions = .chat) throws -> [String] {
        try ProtectedText(FacetedText(text: text), options: options).spans.map(\.original)
    }

    func kinds(_ text: String, _ options: RichTextOptions = .chat) throws -> [SpanKind] {
        try ProtectedText(FacetedText(text: text), options: options).spans.map(\.kind)
    }

    @Test func urls() throws {
        #expect(try spans("see https://example.com/a_(b)?q=1#frag, then (http://x.io/y).") == ["https://example.com/a_(b)?q=1#frag", "http://x.io/y"])
        #expect(try spans("www.bsky.app is fine") == ["www.bsky.app"])
        #expect(try spans("record at://did:plc:abc123/app.bsky.feed.post/3k here") == ["at://did:plc:abc123/app.bsky.feed.post/3k"])
        #expect(try spans("owner did:plc:z72i7hdynmk6r22z27h6tvur. ok") == ["did:plc:z72i7hdynmk6r22z27h6tvur"])
        #expect(try spans("no http:// alone") == [])
    }

    @Test func handles() throws {
        #expect(try spans("hi @alice.bsky.social and @bob, mail me at me.x@example.org.") == ["@alice.bsky.social", "@bob", "me.x@example.org"])
        #expect(try spans("@dan-k. next") == ["@dan-k"])
        #expect(try spans("a @ b") == [])
    }

    @Test func hashtags() throws {
        #expect(try spans("#swift and #Ελληνικά, not #123 or a#b, &#39;") == ["#swift", "#Ελληνικά"])
    }

    @Test func emoji() throws {
        let text = "family 👨‍👩‍👧 ok 👍🏽 flag 🇮🇪 keycap #️⃣ 1️⃣ heart ❤️ plain ©  digits 12 fire🔥🔥"
        #expect(try spans(text) == ["👨‍👩‍👧", "👍🏽", "🇮🇪", "#️⃣ 1️⃣", "❤️", "🔥🔥"])
        #expect(try kinds(text).allSatisfy { $0 == .emoji })
    }

    @Test func code() throws {
        let text = "run `swift build` then\n```\nlet a = 1\n```\nand ` not code"
        #expect(try spans(text) == ["`swift build`", "```\nlet a = 1\n```"])
        #expect(try kinds(text) == [.code, .code])
    }

    @Test func adjacentSpansShareOnePlaceholder() throws {
        let protected = try ProtectedText(FacetedText(text: "@alice @bob 🎉 welcome to the room"))
        #expect(protected.markedText == "<x0/> welcome to the room")
        #expect(protected.segments == ["welcome to the room"])
    }

    @Test func i18nextSyntax() throws {
        let text = "Hello {{name}}, you have {{count, number}} <strong>new</strong> messages from {{- sender}} $t(common:app) <br/>"
        #expect(try kinds(text, .uiStrings) == [.interpolation, .interpolation, .markupTag, .markupTag, .interpolation, .markupTag])
        let protected = try ProtectedText(text: text)
        #expect(protected.markedText == "Hello <x0/>, you have <x1/> <g2>new</g2> messages from <x3/> <x4/>")
        #expect(try kinds(text, .chat).isEmpty)
    }

    @Test func detectedSpansDoNotCutFormatting() throws {
        let text = "visit https://example.com now"
        let input = FacetedText(text: text, facets: [Facet(0, 14, .bold)]) // "visit https://"
        let protected = try ProtectedText(input)
        #expect(protected.spans.isEmpty)
    }

    @Test func protectedUnknownFeaturePolicy() throws {
        let options = RichTextOptions(unknownFeatures: .protect)
        let protected = try ProtectedText(Fixtures.unknownFeature, options: options)
        #expect(protected.spans.map(\.original) == ["a huge surprise"])
        let following = try ProtectedText(Fixtures.unknownFeature)
        #expect(following.spans.isEmpty)
        #expect(following.markedText == "The ending was <g0>a huge surprise</g0> for everyone")
    }
}
