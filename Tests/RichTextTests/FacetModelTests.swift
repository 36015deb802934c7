import Foundation
import RichText
import Testing

@Suite("Facet model and validation")
struct FacetModelTests {
    static let json = #"""
    {"text":"hi @bob, see https://x.io and spoilers!","facets":[
      {"$type":"app.bsky.richtext.facet","index":{"byteStart":3,"byteEnd":7},
       "features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:bob"}]},
      {"index":{"byteStart":13,"byteEnd":25},"features":[{"$type":"app.protoimsg.chat.message#link","uri":"https://x.io"}]},
      {"index":{"byteStart":30,"byteEnd":38},"features":[{"$type":"com.example#spoiler","level":3,"ratio":0.25,
       "tags":["a",null,true],"nested":{"big":9007199254740993}}]}
    ]}
    """#

    @Test func decodesAndRoundTripsUnknownFields() throws {
        let decoded = try JSONDecoder().decode(FacetedText.self, from: Data(Self.json.utf8))
        #expect(decoded.facets.count == 3)
        #expect(decoded.facets[0].features[0].kind == .mention)
        #expect(decoded.facets[0].extra["$type"] == .string("app.bsky.richtext.facet"))
        #expect(decoded.facets[1].features[0].kind == .link)
        let spoiler = decoded.facets[2].features[0]
        #expect(spoiler.kind == .unknown)
        #expect(spoiler.json["level"] == .integer(3))
        #expect(spoiler.json["ratio"] == .number(0.25))
        #expect(spoiler.json["nested"]?["big"] == .integer(9007199254740993))
        let encoded = try JSONEncoder().encode(decoded)
        let again = try JSONDecoder().decode(FacetedText.self, from: encoded)
        #expect(again == decoded)
        let original = try JSONSerialization.jsonObject(with: Data(Self.json.utf8)) as? NSDictionary
        let reencoded = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        #expect(original == reencoded)
        try decoded.validate()
    }

    @Test func missingFacetsDecodeAsEmpty() throws {
        let decoded = try JSONDecoder().decode(FacetedText.self, from: Data(#"{"text":"hola"}"#.utf8))
        #expect(decoded.facets.isEmpty)
    }

    @Test("feature kinds", arguments: [
        ("app.protoimsg.chat.message#mention", FeatureKind.mention), ("app.protoimsg.chat.message#link", .link),
        ("app.protoimsg.chat.message#tag", .tag), ("app.protoimsg.chat.message#bold", .bold),
        ("app.protoimsg.chat.message#italic", .italic), ("app.protoimsg.chat.message#strikethrough", .strikethrough),
        ("app.protoimsg.chat.message#codeInline", .codeInline), ("app.protoimsg.chat.message#codeBlock", .codeBlock),
        ("app.protoimsg.chat.message#blockquote", .blockquote), ("app.bsky.richtext.facet#mention", .mention),
        ("app.bsky.richtext.facet#link", .link), ("app.bsky.richtext.facet#tag", .tag),
        ("app.bsky.richtext.facet#bold", .unknown), ("app.protoimsg.chat.message#unknown", .unknown),
        ("app.protoimsg.chat.message", .unknown), ("com.example#x", .unknown),
    ])
    func kinds(type: String, kind: FeatureKind) {
        #expect(FeatureKind(type: type) == kind)
    }

    static let text = "añb 👍🏽 end" // ñ is 2 bytes, 👍🏽 is 8

    @Test("validation errors name the facet", arguments: [
        (Facet(0, 99, .bold), FacetValidationError.rangeOutsideText(facet: 1, byteStart: 0, byteEnd: 99, textBytes: 17)),
        (Facet(-1, 2, .bold), .rangeOutsideText(facet: 1, byteStart: -1, byteEnd: 2, textBytes: 17)),
        (Facet(3, 3, .bold), .emptyRange(facet: 1, byteStart: 3, byteEnd: 3)),
        (Facet(4, 2, .bold), .emptyRange(facet: 1, byteStart: 4, byteEnd: 2)),
        (Facet(2, 4, .bold), .notOnCharacterBoundary(facet: 1, offset: 2)),
        (Facet(0, 7, .bold), .notOnCharacterBoundary(facet: 1, offset: 7)),
        (Facet(index: FacetIndex(byteStart: 0, byteEnd: 1), features: [FacetFeature(json: .object(["did": .string("x")]))]),
         .malformedFeature(facet: 1, feature: 0, reason: "missing \"$type\"")),
        (Facet(index: FacetIndex(byteStart: 0, byteEnd: 1), features: [.bold, FacetFeature(json: .string("bold"))]),
         .malformedFeature(facet: 1, feature: 1, reason: "a feature must be a JSON object")),
        (Facet(index: FacetIndex(byteStart: 0, byteEnd: 1), features: [FacetFeature(json: .object(["$type": .integer(1)]))]),
         .malformedFeature(facet: 1, feature: 0, reason: "\"$type\" must be a non-empty string")),
    ])
    func invalid(facet: Facet, error: FacetValidationError) {
        #expect(Array(Self.text.utf8).count == 17)
        #expect(throws: error) { try validate([Facet(0, 1, .italic), facet], in: Self.text) }
        #expect(error.facet == 1)
        #expect(error.description.hasPrefix("facets[1]"))
    }

    @Test func textOverTheLimit() {
        let text = String(repeating: "é", count: 1501)
        #expect(throws: FacetValidationError.textTooLong(bytes: 3002, limit: 3000)) { try FacetedText(text: text).validate() }
        #expect(throws: Never.self) { try FacetedText(text: text).validate(byteLimit: 4000) }
        #expect(FacetValidationError.textTooLong(bytes: 3002, limit: 3000).description == "text is 3002 bytes of UTF-8; the limit is 3000")
    }

    @Test func validFacetsAtEdgesPass() throws {
        try validate([Facet(0, 1, .bold), Facet(5, 13, .italic), Facet(0, 17, .blockquote), Facet(14, 17, .bold)], in: Self.text)
    }

    @Test func errorMessages() {
        #expect(FacetValidationError.rangeOutsideText(facet: 2, byteStart: 10, byteEnd: 40, textBytes: 35).description
                == "facets[2]: byte range 10..<40 is outside the text (35 bytes)")
        #expect(FacetValidationError.notOnCharacterBoundary(facet: 0, offset: 2).description == "facets[0]: byte 2 is inside a UTF-8 character")
        #expect(FacetValidationError.emptyRange(facet: 1, byteStart: 4, byteEnd: 4).code == "facet_empty_range")
    }
}
