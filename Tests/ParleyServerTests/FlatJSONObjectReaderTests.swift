import Foundation
import PropertyBased
import Testing
@testable import ParleyServer

/// The hand-written reader of flat JSON objects must agree with `JSONDecoder` (for
/// `/v1/translate` bodies) and `JSONSerialization` (for LibreTranslate's) on everything it
/// accepts, and hand everything else to them (by answering `nil`).
@Suite struct FlatJSONObjectReaderTests {
    func parse(_ json: String) -> TranslateRequestBody? {
        parse(bytes: Array(json.utf8))
    }

    func parse(bytes: [UInt8]) -> TranslateRequestBody? {
        bytes.withUnsafeBytes(FlatJSONObjectReader.parse).flatMap(TranslateRequestBody.init(flat:))
    }

    func members(_ json: String) -> [(key: String, value: FlatJSONObjectReader.Value)]? {
        Array(json.utf8).withUnsafeBytes(FlatJSONObjectReader.parse)
    }

    func decoded(_ json: String) -> TranslateRequestBody? {
        try? JSONDecoder().decode(TranslateRequestBody.self, from: Data(json.utf8))
    }

    @Test func readsTheChatServersShape() {
        let json = #"{"texts":["Hello everyone, welcome to the room!"],"source":"en","targets":["es","ha"]}"#
        let body = parse(json)
        #expect(body == TranslateRequestBody(texts: [.plain("Hello everyone, welcome to the room!")], source: "en", targets: ["es", "ha"]))
        #expect(body == decoded(json))
    }

    @Test func readsEveryFieldInAnyOrderWithWhitespaceAndNulls() {
        let json = """
            {
              "priority" : "bulk", "targets":[ "es" ] ,
              "format":null, "texts": [ "a", "b" ],"source" :null
            }
            """
        let body = parse(json)
        #expect(body == TranslateRequestBody(texts: [.plain("a"), .plain("b")], source: nil, targets: ["es"], format: nil, priority: "bulk"))
        #expect(body == decoded(json))
    }

    @Test func resolvesEscapesLikeJSONDecoder() {
        let json = #"{"texts":["say \"hi\"\\ \/ \b\f\n\r\t \u00e9 \u0000 \ud83d\ude00 ünï 😀"],"targets":["es"]}"#
        let body = parse(json)
        #expect(body != nil)
        #expect(body == decoded(json))
        #expect(body?.texts.first == .plain("say \"hi\"\\ / \u{8}\u{c}\n\r\t é \u{0} 😀 ünï 😀"))
    }

    @Test(arguments: [
        #"{"texts":[{"text":"hi","facets":[]}],"targets":["es"],"format":"richtext"}"#,  // rich text
        #"{"texts":["hi"],"targets":["es"],"extra":"x"}"#,  // a key it does not know
        #"{"texts":["hi"],"targets":["es"],"format":1}"#,  // a number
        #"{"texts":["hi"],"targets":"es"}"#,  // a string for a list
        #"{"texts":null,"targets":["es"]}"#,  // null for a required field
        #"{"texts":["hi"],"texts":["again"],"targets":["es"]}"#,  // a key twice
        #"{"texts":["hi"]}"#,  // targets missing
        #"{"texts":[1],"targets":["es"]}"#,  // a number
        #"{"texts":"hi","targets":["es"]}"#,  // not a list
        #"{"texts":["\ud800"],"targets":["es"]}"#,  // a lone surrogate
        #"{"texts":["\udc00x"],"targets":["es"]}"#,  // a lone low surrogate
        #"{"texts":["\x"],"targets":["es"]}"#,  // an unknown escape
        #"{"texts":["hi"],"targets":["es"]} x"#,  // trailing garbage
        #"{"texts":["hi"],"targets":["es"],}"#,  // trailing comma
        #"{"texts":["hi",],"targets":["es"]}"#,  // trailing comma in a list
        #"{"texts":["hi"],"targets":["es"]"#,  // cut short
        #"{"texts":["hi"],"targets":["es"],"source":nul}"#,  // not null
        "[]", "", "null",
    ])
    func leavesAnythingElseToJSONDecoder(_ json: String) {
        #expect(parse(json) == nil)
    }

    @Test func leavesRawControlCharactersAndInvalidUTF8ToJSONDecoder() {
        #expect(parse("{\"texts\":[\"a\u{1}b\"],\"targets\":[\"es\"]}") == nil)
        let prefix = Array(#"{"texts":[""#.utf8), suffix = Array(#""],"targets":["es"]}"#.utf8)
        #expect(parse(bytes: prefix + [0xC3, 0x28] + suffix) == nil)
        #expect(parse(bytes: prefix + [0xFF] + suffix) == nil)
        #expect(parse(bytes: prefix + Array("ok".utf8) + suffix) != nil)
    }

    /// Random bodies of the plain shape, written in random ways: whatever the parser
    /// accepts, `JSONDecoder` reads the same way.
    @Test func agreesWithJSONDecoderOnRandomBodies() async {
        let pieces = ["a", "Hello", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "e\u{301}", "😀", "ع", "Привіт", "\u{7f}", "\u{2028}", "<x/>", "{", "]", ","]
        let text = Gen.int(in: 0..<pieces.count).map { pieces[$0] }.array(of: 0...6).map { $0.joined() }
        await propertyCheck(count: 1_500, input: text.array(of: 0...4), text.array(of: 0...3), Gen.int(in: 0...31), Gen.int(in: 0...2)) { texts, targets, optionals, style in
            var members: [String] = [
                "\"texts\":[" + texts.map { Self.literal($0, style: style) }.joined(separator: ",") + "]",
                "\"targets\":[" + targets.map { Self.literal($0, style: style) }.joined(separator: " , ") + "]",
            ]
            if optionals & 1 != 0 { members.append("\"source\":" + (optionals & 2 != 0 ? "null" : Self.literal("en", style: style))) }
            if optionals & 4 != 0 { members.append("\"format\": " + (optionals & 8 != 0 ? "null" : Self.literal("text", style: style))) }
            if optionals & 16 != 0 { members.append("\"priority\" :" + Self.literal("bulk", style: style)) }
            if optionals % 3 == 0 { members.reverse() }
            let json = "{" + members.joined(separator: optionals % 2 == 0 ? "," : ",\n ") + "}"
            let parsed = parse(json)
            #expect(parsed != nil, "should read \(json)")
            #expect(parsed == decoded(json), "differs from JSONDecoder on \(json)")
        }
    }

    @Test func readsLibreTranslatesShapesLikeJSONSerialization() throws {
        let json = #"{"q":["Hola","¿Qué tal?"],"source":"auto","target":"en","format":"text","api_key":null,"x":[]}"#
        let read = try #require(members(json))
        #expect(read.map(\.key) == ["q", "source", "target", "format", "api_key", "x"])
        #expect(read[0].value == .list(["Hola", "¿Qué tal?"]) && read[4].value == .null && read[5].value == .list([]))
        // Numbers and booleans (alternatives: 3) are left to JSONSerialization.
        #expect(members(#"{"q":"hi","alternatives":3}"#) == nil)
        #expect(members(#"{"q":"hi","x":true}"#) == nil)
        #expect(members(#"{"q":{"a":"b"}}"#) == nil)
    }

    /// Random flat objects: what the reader accepts, `JSONSerialization` reads the same way.
    @Test func agreesWithJSONSerializationOnRandomFlatObjects() async {
        let pieces = ["q", "a", "\"", "\\", "/", "\n", "é", "😀", "\u{1}", " ", "ع"]
        let text = Gen.int(in: 0..<pieces.count).map { pieces[$0] }.array(of: 0...5).map { $0.joined() }
        let value = zip(Gen.int(in: 0...2), text, text.array(of: 0...3))
        let keys = ["q", "source", "target", "format", "api_key", "alternatives", "texts"]
        await propertyCheck(count: 1_000, input: value.array(of: 0...6), Gen.int(in: 0...2)) { values, style in
            var seen = Set<String>()
            var parts: [String] = []
            for (index, (kind, single, list)) in values.enumerated() {
                let key = keys[index % keys.count]
                guard seen.insert(key).inserted else { continue }
                let rendered = switch kind {
                case 0: Self.literal(single, style: style)
                case 1: "[" + list.map { Self.literal($0, style: style) }.joined(separator: ",") + "]"
                default: "null"
                }
                parts.append(Self.literal(key, style: style) + ":" + rendered)
            }
            let json = "{" + parts.joined(separator: ", ") + "}"
            let read = members(json)
            #expect(read != nil, "should read \(json)")
            let expected = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
            #expect(expected?.count == read?.count, "\(json)")
            for (key, value) in read ?? [] {
                switch value {
                case .string(let text): #expect(expected?[key] as? String == text, "\(json)")
                case .list(let list): #expect(expected?[key] as? [String] == list, "\(json)")
                case .null: #expect(expected?[key] is NSNull, "\(json)")
                }
            }
        }
    }

    /// `text` as a JSON string: escaped minimally (0), with every non-ASCII scalar as `\u`
    /// (1), or with `\/` and `\u` for control characters (2).
    static func literal(_ text: String, style: Int) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/" where style == 2: out += "\\/"
            case "\n": out += style == 2 ? "\\u000a" : "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            case _ where style == 1 && scalar.value > 0x7f:
                for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
