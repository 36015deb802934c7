import Foundation
import Languages
import ServiceConfiguration
import Testing
import TranslationBackends

/// What the recorded winstxnhdw/nllb-api 4.2 transcript
/// (`../shared/protocols/nllb-api-4.2-transcript.txt`, recorded 2026-11-26 with a copy model)
/// shows, copied here: the harness's replica must answer byte for byte the same, and Parley's
/// client must read it.
enum NLLBTranscript {
    static let health = #"{"schemaVersion":1,"label":"nllb-api","message":"online"}"#
    /// POST /api/v4/translator {"text":"How are you?","source":"eng_Latn","target":"arb_Arab"}
    static let howAreYouArabic = #"{"result":"[arb_Arab][eng_Latn] How are you?"}"#
    /// GET /api/v4/translator?text=Hello%20world&source=eng_Latn&target=spa_Latn
    static let helloWorldSpanish = "[spa_Latn][eng_Latn] Hello world"
    /// GET /api/v4/translator?text=Sannu&source=hau_Latn&target=eng_Latn
    static let sannuEnglish = "[eng_Latn][eng_Latn] Sannu"
    /// POST with a 4097-character text.
    static let tooLong = #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Expected `str` of length <= 4096","key":"text","source":"body"}]}"#
    /// POST {"text":"hi","source":"eng_Latn"}
    static let missingTarget = #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Object missing required field `target`","key":"data","source":"body"}]}"#
    /// POST {"text":["a","b"],...}
    static let textArray = #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Expected `str`, got `array`","key":"text","source":"body"}]}"#
    /// POST /api/v3/translate
    static let notFound = #"{"status_code":404,"detail":"Not Found"}"#

    /// The replica's answer for any text: the target tag, then nllb-api's doubled source token.
    static func api(_ text: String, target: Language) -> String { "[\(target.nllbCode)][eng_Latn] \(text)" }
}

extension InteropTests {
    @Suite("nllb-api client", .serialized)
    struct NLLBAPIClient {
        func client(timeout: Duration = .seconds(20)) throws -> any TranslationBackend {
            Interop.backend(Interop.settings("nllb", .nllbAPI, try Interop.servers().nllbAPI, timeout: timeout))
        }

        @Test func replicaAnswersAsTheTranscript() async throws {
            let url = try Interop.servers().nllbAPI
            #expect(try await Interop.request(.GET, url + "/api/health").body == NLLBTranscript.health)
            let arabic = try await Interop.request(.POST, url + "/api/v4/translator", json: #"{"text":"How are you?","source":"eng_Latn","target":"arb_Arab"}"#)
            #expect(arabic.status == 200)
            #expect(arabic.body == NLLBTranscript.howAreYouArabic)
            let tooLong = try await Interop.request(.POST, url + "/api/v4/translator",
                                                    json: #"{"text":"\#(String(repeating: "x", count: 4097))","source":"eng_Latn","target":"spa_Latn"}"#)
            #expect(tooLong.status == 400)
            #expect(tooLong.body == NLLBTranscript.tooLong)
            let missing = try await Interop.request(.POST, url + "/api/v4/translator", json: #"{"text":"hi","source":"eng_Latn"}"#)
            #expect(missing.status == 400)
            #expect(missing.body == NLLBTranscript.missingTarget)
            let array = try await Interop.request(.POST, url + "/api/v4/translator", json: #"{"text":["a","b"],"source":"eng_Latn","target":"spa_Latn"}"#)
            #expect(array.body == NLLBTranscript.textArray)
            let notFound = try await Interop.request(.POST, url + "/api/v3/translate", json: #"{"text":"hi","source":"eng_Latn","target":"spa_Latn"}"#)
            #expect(notFound.status == 404)
            #expect(notFound.body == NLLBTranscript.notFound)
        }

        @Test func healthAndEveryPair() async throws {
            let nllb = try client()
            try await nllb.probeHealth()
            #expect(try await nllb.discoverCapabilities().pairs == Set(LanguagePair.all))
            #expect(nllb.batchLimit == 1)
        }

        @Test func singleTextsAsInTheTranscript() async throws {
            let nllb = try client()
            #expect(try await nllb.translate(["Hello world"], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(20))
                == [NLLBTranscript.helloWorldSpanish])
            #expect(try await nllb.translate(["Sannu"], pair: LanguagePair(.hausa, .english), format: .text, timeout: .seconds(20))
                == [NLLBTranscript.sannuEnglish])
            #expect(try await nllb.translate(["How are you?"], pair: LanguagePair(.english, .arabic), format: .text, timeout: .seconds(20))
                == ["[arb_Arab][eng_Latn] How are you?"])
        }

        @Test func batchesBecomeConcurrentSingleRequests() async throws {
            let nllb = try client()
            let texts = (1...12).map { "Message number \($0) for the room" } + ["مرحبا بالجميع", "Привіт усім 👋", "line one\nline two"]
            let output = try await nllb.translate(texts, pair: LanguagePair(.english, .hausa), format: .text, timeout: .seconds(20))
            #expect(output == texts.map { NLLBTranscript.api($0, target: .hausa) })
        }

        @Test func htmlSendsOnlyTheText() async throws {
            let nllb = try client()
            let output = try await nllb.translate(["<p>Hello <b>world</b></p>"], pair: LanguagePair(.english, .spanish), format: .html, timeout: .seconds(20))
            #expect(output == ["<p>[spa_Latn][eng_Latn] Hello <b>[spa_Latn][eng_Latn] world</b></p>"])
        }

        /// Over 4096 characters: the server refuses such a text (transcript), so Parley cuts it
        /// between sentences into pieces it accepts and puts the answers back together. The
        /// words are whole pieces of the replica's tokenizer, so that each piece stays under
        /// CTranslate2's 1024-token input limit and comes back whole.
        @Test func longTextIsCutUnderTheLimitAndRejoined() async throws {
            let nllb = try client(timeout: .seconds(90))
            let sentences = (0..<42).map { "please translate language translation message \($0) when you see small people doing work, thanks friend!" }
            let text = sentences.joined(separator: " ")
            #expect(text.unicodeScalars.count > 4096)
            let output = try #require(try await nllb.translate([text], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(90)).first)
            let marker = "[spa_Latn][eng_Latn] "
            let pieces = output.components(separatedBy: marker).filter { !$0.isEmpty }
            // Cut between sentences into pieces of at most NLLBAPIBackend.maxTextScalars.
            #expect(pieces.count >= (text.unicodeScalars.count + NLLBAPIBackend.maxTextScalars - 1) / NLLBAPIBackend.maxTextScalars)
            #expect(output.hasPrefix(marker))
            #expect(output.replacingOccurrences(of: marker, with: "") == text)
            #expect(pieces.allSatisfy { $0.unicodeScalars.count <= NLLBAPIBackend.maxTextScalars + 1 })
        }

        @Test func sameLanguageIsNotSent() async throws {
            let nllb = try client()
            let error = await backendError { () async throws(BackendError) in
                try await nllb.translate(["Hello"], pair: LanguagePair(.english, .english), format: .text, timeout: .seconds(20))
            }
            #expect(error == .unsupportedPair(LanguagePair(.english, .english)))
        }
    }

    @Suite("nllb-serve client", .serialized)
    struct NLLBServeClient {
        func client(maxBatchSize: Int = 16) throws -> any TranslationBackend {
            Interop.backend(Interop.settings("serve", .nllbServe, try Interop.servers().nllbServe, maxBatchSize: maxBatchSize))
        }

        @Test func healthAndSingleText() async throws {
            let serve = try client()
            try await serve.probeHealth()
            #expect(try await serve.discoverCapabilities().pairs == Set(LanguagePair.all))
            #expect(try await serve.translate(["Hello world"], pair: LanguagePair(.english, .hausa), format: .text, timeout: .seconds(20))
                == ["[hau_Latn] Hello world"])
        }

        @Test func listBatchesKeepTheirOrder() async throws {
            let texts = (1...7).map { "Message number \($0) for the room" } + ["Dia duit", "Habari za asubuhi 😀"]
            for maxBatchSize in [16, 2] {
                let serve = try client(maxBatchSize: maxBatchSize)
                let output = try await serve.translate(texts, pair: LanguagePair(.english, .swahili), format: .text, timeout: .seconds(20))
                #expect(output == texts.map { "[swh_Latn] \($0)" }, "maxBatchSize \(maxBatchSize)")
            }
        }

        @Test func htmlSendsOnlyTheText() async throws {
            let serve = try client()
            let output = try await serve.translate(["<p>Hello <b>world</b></p>"], pair: LanguagePair(.english, .irish), format: .html, timeout: .seconds(20))
            #expect(output == ["<p>[gle_Latn] Hello <b>[gle_Latn] world</b></p>"])
        }

        /// nllb-serve stops every output at 80 tokens: sent whole, a 20-sentence text comes
        /// back cut; through Parley's client (ICU sentences, rejoined) it comes back whole.
        @Test func longTextComesBackWhole() async throws {
            let url = try Interop.servers().nllbServe
            let sentences = (0..<20).map { "This is sentence number \($0) of the long text." }
            let text = sentences.joined(separator: " ")
            let raw = try await Interop.request(.POST, url + "/translate", json: #"{"source":["\#(text)"],"src_lang":"eng_Latn","tgt_lang":"spa_Latn"}"#)
            #expect(raw.status == 200)
            struct Reply: Decodable { var translation: [String] }
            let cut = try #require(try JSONDecoder().decode(Reply.self, from: Data(raw.body.utf8)).translation.first)
            #expect(cut.hasPrefix("[spa_Latn] This is sentence number 0 "))
            #expect(!cut.contains("sentence number 19 "), "the replica should cut at 80 tokens: \(cut)")

            let serve = try client()
            let output = try await serve.translate([text], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(30))
            #expect(output == [sentences.map { "[spa_Latn] \($0)" }.joined(separator: " ")])
        }
    }
}
