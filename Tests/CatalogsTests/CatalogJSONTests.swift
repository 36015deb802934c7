import Catalogs
import Foundation
import Languages
import Testing

@Suite("i18next JSON: byte-stable reading and writing, strict parsing")
struct CatalogJSONTests {
    @Test func everyShippedFileSerializesToItsOwnBytes() throws {
        let files = try CatalogTree.files(at: Fixtures.catalogs)
        #expect(files.count == 72)
        for file in files {
            let document = try file.document.get()
            #expect(document.serialized() == file.bytes, "\(document.fileName)")
        }
    }

    @Test func escapingMatchesPythonJSONDumps() throws {
        // json.dumps({"k": "a\"b\\c\nd\te\u0001f/g ñ ؟ \u2068x\u2069 \u007f \b\f\r"}, ensure_ascii=False, indent=2) + "\n"
        let value = "a\"b\\c\nd\te\u{01}f/g ñ ؟ \u{2068}x\u{2069} \u{7F} \u{08}\u{0C}\r"
        let document = CatalogDocument(language: .english, namespace: "x", items: [CatalogItem(key: "k", value: .text(value))])
        let expected = "{\n  \"k\": \"a\\\"b\\\\c\\nd\\te\\u0001f/g ñ ؟ \u{2068}x\u{2069} \u{7F} \\b\\f\\r\"\n}\n"
        #expect(String(decoding: document.serialized(), as: UTF8.self) == expected)
        let reparsed = try CatalogDocument(language: .english, namespace: "x", bytes: document.serialized())
        #expect(reparsed == document)
    }

    @Test func nestingPluralsAndContextsAreGrouped() throws {
        let text = """
        {
          "a": {
            "b": "x",
            "count_one": "{{count}} one",
            "count_other": "{{count}} other",
            "status_online": "online",
            "status_away": "away"
          },
          "solo_one": "not a plural without solo_other"
        }

        """
        let document = try CatalogDocument(language: .english, namespace: "n", bytes: Array(text.utf8))
        #expect(document.items.map(\.key) == ["a.b", "a.count", "a.status_online", "a.status_away", "solo_one"])
        #expect(document["a.count"] == .plural([PluralForm(.one, "{{count}} one"), PluralForm(.other, "{{count}} other")]))
        #expect(document.serialized() == Array(text.utf8))
        #expect(CatalogTokens.interpolations("Hi {{name}}, {{- url}} {{count, number}} $t(common:appName) <1>x</1>")
            == ["{{name}}", "{{- url}}", "{{count, number}}"])
        #expect(CatalogTokens.nestings("see $t(common:appName)") == ["$t(common:appName)"])
        #expect(CatalogTokens.tags("<strong>a</strong> <1>b</1> <br/>") == ["<strong>", "</strong>", "<1>", "</1>", "<br/>"])
    }

    @Test(arguments: [
        ("{\"a\": ", "expected a value"),
        ("{\"a\": \"x\",}", "expected a key"),
        ("{\"a\": 01}", "expected ',' or '}'"),
        ("{\"a\": -}", "invalid number"),
        ("{\"a\": 1.}", "invalid number"),
        ("{\"a\": tru}", "expected a value"),
        ("{\"a\": [\"x\"]}", "value is an array"),
        ("{\"a\": \"x\", \"a\": \"y\"}", "duplicate key"),
        ("[]", "top level must be a JSON object"),
        ("{\"a\": {}}", "empty object"),
        ("{\"a.b\": \"x\"}", "key separator"),
        ("\u{FEFF}{}", "byte order mark"),
    ])
    func malformedFilesAreRefusedNamingFileAndKey(text: String, reason: String) {
        do {
            _ = try CatalogDocument(language: .spanish, namespace: "rooms", bytes: Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains("es/rooms.json"), "\(error)")
            #expect(error.description.contains(reason), "\(error)")
            #expect(error.httpStatus == 400)
        }
    }

    @Test func arrayLeafNamesItsKeyPath() {
        do {
            _ = try CatalogDocument(language: .arabic, namespace: "rooms", bytes: Array("{\"members\": {\"count_one\": [1]}}".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.description == "ar/rooms.json: at key 'members.count_one': value is an array; only strings and objects are allowed (line 1)")
        }
    }

    /// protoimsg ships `atproto.json` as `{"placeholder": true}`: booleans, numbers and null are
    /// fixed values, kept as written and written back byte for byte.
    @Test func fixedValuesRoundTrip() throws {
        let text = "{\n  \"placeholder\": true,\n  \"a\": {\n    \"n\": -1.5e3,\n    \"z\": null,\n    \"f\": false,\n    \"s\": \"x\"\n  }\n}\n"
        let document = try CatalogDocument(language: .english, namespace: "atproto", bytes: Array(text.utf8))
        #expect(document.items.map(\.value) == [.literal("true"), .literal("-1.5e3"), .literal("null"), .literal("false"), .text("x")])
        #expect(document.serialized() == Array(text.utf8))
    }

    /// A plural group written without `_other` (as protoimsg's Russian files are) is still one
    /// group — lacking a form — not three stray keys; a lone `x_one` stays a plain key.
    @Test func pluralGroupsWithoutOtherAreStillGroups() throws {
        let text = #"{"replyCount_one": "{{count}} ответ", "replyCount_few": "{{count}} ответа", "replyCount_many": "{{count}} ответов", "step_one": "Шаг"}"#
        let document = try CatalogDocument(language: .russian, namespace: "chat", bytes: Array(text.utf8))
        #expect(document.items.map(\.key) == ["replyCount", "step_one"])
        #expect(document["replyCount"]?.isPlural == true)
        #expect(document["step_one"] == .text("Шаг"))
    }

    @Test(arguments: ["../x", "..", "a/b", ".hidden", "", "x y", "é"])
    func pathTraversalInNamespacesIsRefused(name: String) {
        #expect(!CatalogNames.isValidNamespace(name))
        #expect(throws: CatalogError.self) { try CatalogDocument(language: .english, namespace: name, bytes: Array("{}".utf8)) }
    }

    @Test func languageDirectoriesMustBeSupportedCodes() throws {
        #expect(throws: CatalogError.self) { try CatalogNames.language(directory: "../x") }
        #expect(throws: CatalogError.self) { try CatalogNames.language(directory: "pt") }
        #expect(throws: CatalogError.self) { try CatalogNames.language(directory: "en-XA") }
        #expect(try CatalogNames.language(directory: "ga") == .irish)
    }
}
