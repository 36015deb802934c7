import Foundation
import HTTPTypes
import Hummingbird
import Languages
import Testing
import TranslationBackends
@testable import ParleyServer
@testable import TranslationEngine

/// The hand-written JSON must be byte for byte what `JSONResponse`'s encoder writes.
@Suite struct JSONWriterTests {
    struct Sample: Codable {
        var flag: Bool
        var number: Double
        var count: Int
        var list: [String]
        var text: String
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    @Test(arguments: [
        Sample(flag: true, number: 1, count: 0, list: [], text: ""),
        Sample(flag: false, number: 0.973, count: -42, list: ["a", "b/c"], text: "plain"),
        Sample(flag: true, number: 0.1 + 0.2, count: Int.max, list: ["\u{1}\u{1f}"], text: "quote \" backslash \\ slash / newline \n tab \t cr \r bs \u{8} ff \u{c}"),
        Sample(flag: true, number: 100, count: 7, list: ["😀", "e\u{301}", "العربية"], text: "\u{0}\u{7f}\u{2028}"),
        Sample(flag: false, number: 0.001, count: 1, list: [""], text: "¡Hola, @ana.bsky.social! https://example.com/a?b=c"),
    ])
    func matchesJSONEncoder(_ sample: Sample) throws {
        var json = JSONWriter()
        json.beginObject()
        json.key("count"); json.value(sample.count)
        json.key("flag"); json.value(sample.flag)
        json.key("list")
        json.beginArray()
        for item in sample.list { json.value(item) }
        json.endArray()
        json.key("number"); json.value(sample.number)
        json.key("text"); json.value(sample.text)
        json.endObject()
        let expected = try Self.encoder.encode(sample)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    // The /v1/translate response, against what the Codable shape it replaced encodes to.
    struct SourceMirror: Codable { var confidence: Double; var language: String }
    struct TranslationMirror: Codable { var text: String; var backend: String?; var cached: Bool?; var unchanged: Bool? }
    struct ErrorMirror: Codable { var code: String; var message: String; var backend: String?; var retryAfter: Int? }
    struct ResultMirror: Codable {
        var index: Int
        var source: SourceMirror
        var translations: [String: TranslationMirror]
        var errors: [String: ErrorMirror]?
    }
    struct ResponseMirror: Codable { var results: [ResultMirror] }

    @Test func translateResponseMatchesTheEncodedShape() async throws {
        let failure = EngineError.backendsFailed(backend: "lt", last: .rateLimited(retryAfterSeconds: 7), retryAfterSeconds: 7)
        let outcomes = [
            TextTranslation(source: DetectedSource(language: .english, confidence: 0.9734), results: [
                .spanish: .success(TranslatedText(text: "¡Hola \"a\"!", backend: "lt", cached: false, unchanged: false)),
                .hausa: .success(TranslatedText(text: "Sannu", backend: "nllb", cached: true, unchanged: false)),
                .english: .success(TranslatedText(text: "Hello", backend: nil, cached: false, unchanged: true)),
                .arabic: .failure(failure),
                .irish: .failure(.noRoute(LanguagePair(.english, .irish))),
            ]),
            TextTranslation(source: DetectedSource(language: nil, confidence: 0), results: [
                .spanish: .success(TranslatedText(text: "🙂", backend: nil, cached: false, unchanged: true)),
            ]),
        ]
        let mirror = ResponseMirror(results: outcomes.enumerated().map { index, outcome in
            var translations: [String: TranslationMirror] = [:]
            var errors: [String: ErrorMirror] = [:]
            for (language, result) in outcome.results {
                switch result {
                case .success(let translated):
                    translations[language.code] = translated.unchanged
                        ? TranslationMirror(text: translated.text, unchanged: true)
                        : TranslationMirror(text: translated.text, backend: translated.backend, cached: translated.cached)
                case .failure(let error):
                    errors[language.code] = ErrorMirror(code: error.code, message: error.description, backend: error.backend, retryAfter: error.retryAfterSeconds)
                }
            }
            let source = SourceMirror(confidence: (outcome.source.confidence * 1000).rounded() / 1000, language: outcome.source.language?.code ?? "und")
            return ResultMirror(index: index, source: source, translations: translations, errors: errors.isEmpty ? nil : errors)
        })
        let response = TranslationRoutes.response(outcomes)
        let body = try await response.bodyText()
        #expect(body == String(decoding: try Self.encoder.encode(mirror), as: UTF8.self))
        #expect(response.status == .ok)
    }

    @Test func libreTranslateResponsesMatchTheEncoder() throws {
        typealias Routes = LibreTranslateRoutes
        let detected = [Routes.DetectedLanguage(confidence: 97.3, language: "es"), .init(confidence: 90, language: "und")]
        let bodies = [
            Routes.TranslateResponse(translatedText: .single("Hello \"all\"/😀"), detectedLanguage: nil, alternatives: nil),
            Routes.TranslateResponse(translatedText: .single("Hi"), detectedLanguage: .single(detected[0]), alternatives: .single([])),
            Routes.TranslateResponse(translatedText: .list(["a", "b\n"]), detectedLanguage: .list(detected), alternatives: .list([[], []])),
            Routes.TranslateResponse(translatedText: .list([]), detectedLanguage: nil, alternatives: .list([])),
        ]
        for body in bodies {
            var json = JSONWriter()
            body.write(into: &json)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(body), as: UTF8.self))
        }
    }

    @Test func aResponseWithNothingTranslatedIs503WithTheShortestRetryAfter() throws {
        let outcomes = [
            TextTranslation(source: DetectedSource(language: .english, confidence: 1), results: [
                .spanish: .failure(.overloaded(lane: .bulk, retryAfterSeconds: 3)),
                .hausa: .failure(.backendsUnavailable(LanguagePair(.english, .hausa), backends: ["nllb"], retryAfterSeconds: 9)),
            ]),
        ]
        let response = TranslationRoutes.response(outcomes)
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers[.retryAfter] == "3")
    }
}

/// Collects what a response body writes.
final class CollectingWriter: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()
    func write(_ part: ByteBuffer) async throws {
        var part = part
        buffer.writeBuffer(&part)
    }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

extension Response {
    /// The whole body as text.
    func bodyText() async throws -> String {
        let writer = CollectingWriter()
        try await body.write(writer)
        return String(buffer: writer.buffer)
    }
}
