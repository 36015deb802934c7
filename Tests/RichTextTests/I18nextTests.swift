import RichText
import Testing

@Suite("i18next UI strings")
struct I18nextTests {
    let translator = RichTextTranslator(options: .uiStrings)

    static let strings = [
        "Hello {{name}}, you have {{count, number}} new messages",
        "<strong>{{- sender}}</strong> invited you to <1>{{room}}</1>",
        "See $t(common:settings) or <0>read the guide</0> first.<br/>Thanks!",
        "Welcome back, {{name}}! 👋",
    ]

    static func tokens(_ text: String) -> [String] {
        text.matches(of: /\{\{[^{}]*\}\}|\$t\([^()]*\)|<\/?[A-Za-z0-9]+ *\/?>/).map { String($0.output) }.sorted()
    }

    @Test("placeholders, nesting and tags survive every fake", arguments: strings, [Fake.keep, .drop, .reorder, .corrupt])
    func survive(text: String, fake: Fake) async throws {
        let log = CallLog(fake)
        let outcome = try await translator.translate(text) { try log.translate($0) }
        let translation = try #require(outcome.translation)
        #expect(Self.tokens(translation.text) == Self.tokens(text), "\(translation.text)")
        #expect(translation.facets.isEmpty)
        if fake == .corrupt { #expect(translation.strategy == .segments) }
        if fake == .keep { #expect(translation.strategy == .markers) }
    }

    @Test func pairedTagsKeepTheirContentInside() throws {
        let protected = try translator.protect("<strong>{{- sender}}</strong> invited you to <1>{{room}}</1>")
        #expect(protected.markedText == "<g0><x1/></g0> invited you to <g2><x3/></g2>")
        let restored = try protected.restore("<g2><x3/></g2> : <g0><x1/></g0> te invitó")
        #expect(restored.text == "<1>{{room}}</1> : <strong>{{- sender}}</strong> te invitó")
    }

    @Test func protectAndRestorePlainText() throws {
        let protected = try translator.protect("Hello {{name}}, see <0>the guide</0>.")
        #expect(protected.segments == ["Hello", ", see", "the guide"])
        let restored = try protected.reassemble(["Hola", ", mira", "la guía"])
        #expect(restored.text == "Hola {{name}}, mira <0>la guía</0>.")
        #expect(throws: MarkerError.missingPlaceholder(id: 0)) { try protected.restore("Hola, mira <g1>la guía</g1>.") }
    }
}
