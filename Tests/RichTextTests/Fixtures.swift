import RichText

/// Hard messages: emoji sequences, combining marks, Arabic with Latin spans, facets at the edges,
/// adjacent, nested and crossing facets, a whole-message facet, a code block with newlines.
enum Fixtures {
    static func make(_ text: String, _ facets: [Facet]) -> FacetedText {
        FacetedText(text: text, facets: facets)
    }

    static let emoji: FacetedText = {
        let text = "Family 👨‍👩‍👧 time tonight! 👍🏽 from 🇮🇪 press 1️⃣"
        return make(text, [Facet("time tonight", in: text, .bold)])
    }()

    static let combining: FacetedText = {
        let text = "Cafe\u{301} open: https://example.com/menu?x=1 and cre\u{300}me bru\u{302}le\u{301}e"
        return make(text, [
            Facet("Cafe\u{301}", in: text, .italic),
            Facet("https://example.com/menu?x=1", in: text, .link(uri: "https://example.com/menu?x=1")),
            Facet("bru\u{302}le\u{301}e", in: text, .bold),
        ])
    }()

    static let arabic: FacetedText = {
        let text = "مرحبا @alice.bsky.social شاهد هذا https://example.com/a?b=c الآن يا صديقي"
        return make(text, [
            Facet("@alice.bsky.social", in: text, .mention(did: "did:plc:alice")),
            Facet("https://example.com/a?b=c", in: text, .link(uri: "https://example.com/a?b=c")),
            Facet("شاهد هذا", in: text, .bold),
        ])
    }()

    static let edges: FacetedText = {
        let text = "@bob see you at the meeting #standup"
        return make(text, [
            Facet("@bob", in: text, .mention(did: "did:plc:bob")),
            Facet("#standup", in: text, .tag("standup")),
        ])
    }()

    static let nested: FacetedText = {
        let text = "Please read the docs here before tomorrow morning"
        return make(text, [
            Facet("read the docs here before", in: text, .italic),
            Facet("docs here", in: text, .bold),
            Facet("here", in: text, .link(uri: "https://docs.example.com")),
            Facet("tomorrow", in: text, .strikethrough),
            Facet("morning", in: text, .bold),
        ])
    }()

    static let crossing: FacetedText = {
        let text = "one two three four five six"
        return make(text, [
            Facet(0, 13, .bold),   // one two three
            Facet(8, 23, .italic), // three four five
        ])
    }()

    static let whole: FacetedText = {
        let text = "Everything here is important"
        return make(text, [Facet(0, text.utf8.count, .bold), Facet(0, text.utf8.count, .blockquote)])
    }()

    static let codeBlock: FacetedText = {
        let text = "Try this snippet:\n```swift\nlet x = 1\nprint(x) // prints one\n```\nthen tell me, it uses `map` too"
        return make(text, [
            Facet("```swift\nlet x = 1\nprint(x) // prints one\n```", in: text, .codeBlock(lang: "swift")),
            Facet("`map`", in: text, .codeInline),
        ])
    }()

    static let unknownFeature: FacetedText = {
        let text = "The ending was a huge surprise for everyone"
        let spoiler = FacetFeature(json: .object(["$type": .string("com.example.chat#spoiler"), "level": .integer(2), "meta": .object(["a": .array([.null, .bool(true), .number(1.5)])])]))
        return make(text, [Facet("a huge surprise", in: text, spoiler)])
    }()

    static let bluesky: FacetedText = {
        let text = "thanks @carol.example.com for #swift tips"
        return make(text, [
            Facet(index: FacetIndex(byteStart: 7, byteEnd: 25), features: [FacetFeature(type: "app.bsky.richtext.facet#mention", fields: ["did": .string("did:plc:carol")])],
                  extra: ["$type": .string("app.bsky.richtext.facet")]),
            Facet("#swift", in: text, FacetFeature(type: "app.bsky.richtext.facet#tag", fields: ["tag": .string("swift")])),
        ])
    }()

    static let plainChat: FacetedText = make(
        "hey @dave.bsky.social look at https://bsky.app/profile/x 😂🔥 and `git push` #release", [])

    static let all: [(String, FacetedText)] = [
        ("emoji", emoji), ("combining", combining), ("arabic", arabic), ("edges", edges), ("nested", nested),
        ("crossing", crossing), ("whole", whole), ("codeBlock", codeBlock), ("unknownFeature", unknownFeature),
        ("bluesky", bluesky), ("plainChat", plainChat),
    ]
}
