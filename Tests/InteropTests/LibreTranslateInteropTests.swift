import Foundation
import Languages
import ParleyServer
import ServiceConfiguration
import Testing
import TranslationBackends
import TranslationEngine

/// Parley's LibreTranslate client against real LibreTranslate 1.9.6 (the harness's Argos
/// packages en↔es, en↔ar, en↔ga copy their input behind a `[<target>]` marker, sentence by
/// sentence; other pairs pivot through en inside LibreTranslate).
extension InteropTests {
    @Suite("LibreTranslate client", .serialized)
    struct LibreTranslateClient {
        static let detection: DetectionService = {
            do { return try DetectionService.bundled() } catch { fatalError("cannot load the language model: \(error)") }
        }()

        func client(maxBatchSize: Int = 16) throws -> any TranslationBackend {
            Interop.backend(Interop.settings("lt", .libreTranslate, try Interop.servers().libreTranslate, maxBatchSize: maxBatchSize))
        }

        @Test func healthAndDiscoveredPairs() async throws {
            let lt = try client()
            try await lt.probeHealth()
            let capabilities = try await lt.discoverCapabilities()
            let served: [Language] = [.english, .spanish, .arabic, .irish]
            let expected = Set(served.flatMap { source in served.filter { $0 != source }.map { LanguagePair(source, $0) } })
            #expect(capabilities.pairs == expected)
        }

        @Test func singleTextWithSourceGiven() async throws {
            let lt = try client()
            let output = try await lt.translate(["Hello world"], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(20))
            #expect(output == ["[es] Hello world"])
            let sentences = try await lt.translate(["Hello world. How are you?"], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(20))
            #expect(sentences == ["[es] Hello world. [es] How are you?"])
        }

        @Test func batchesKeepTheirOrderAcrossRequests() async throws {
            let lt = try client(maxBatchSize: 2)
            let texts = ["Hello world", "How are you?", "Good morning", "Thanks a lot", "See you soon"]
            let output = try await lt.translate(texts, pair: LanguagePair(.english, .arabic), format: .text, timeout: .seconds(20))
            #expect(output == texts.map { "[ar] \($0)" })
            let single = try client(maxBatchSize: 16)
            #expect(try await single.translate(texts, pair: LanguagePair(.english, .arabic), format: .text, timeout: .seconds(20)) == output)
        }

        @Test func pairsWithoutAPackagePivotInsideLibreTranslate() async throws {
            let lt = try client()
            #expect(try await lt.translate(["Hola"], pair: LanguagePair(.spanish, .irish), format: .text, timeout: .seconds(20)) == ["[ga] [en] Hola"])
            #expect(try await lt.translate(["Dia duit, a chairde"], pair: LanguagePair(.irish, .spanish), format: .text, timeout: .seconds(20))
                == ["[es] [en] Dia duit, a chairde"])
        }

        @Test func htmlKeepsTheMarkup() async throws {
            let lt = try client()
            let output = try await lt.translate(["<p>Hello <b>world</b></p>"], pair: LanguagePair(.english, .spanish), format: .html, timeout: .seconds(20))
            #expect(output == ["<p>[es] Hello <b>[es] world</b></p>"])
        }

        @Test("source auto goes through Parley's own detection", arguments: [
            ("Hello everyone, how are you today?", Language.english, Language.spanish, "[es] Hello everyone, how are you today?"),
            ("Hola a todos, ¿cómo están hoy?", Language.spanish, Language.english, "[en] Hola a todos, ¿cómo están hoy?"),
        ])
        func autoSource(text: String, detected: Language, target: Language, expected: String) async throws {
            let engine = Interop.engine([Interop.settings("lt", .libreTranslate, try Interop.servers().libreTranslate)], detector: Self.detection)
            let result = await engine.translate(text, from: .auto, to: [target])
            #expect(result.source.language == detected)
            #expect(result.results[target]?.value?.text == expected)
            #expect(result.results[target]?.value?.backend == "lt")
        }

        @Test("languages LibreTranslate lacks are an unsupported pair", arguments: [
            LanguagePair(.english, .hausa), LanguagePair(.english, .swahili), LanguagePair(.english, .russian), LanguagePair(.ukrainian, .english),
        ])
        func unsupportedPair(pair: LanguagePair) async throws {
            // A fresh client has discovered nothing, so the request reaches the server and its
            // `400 {"error":"ha is not supported"}` is what Parley maps.
            let lt = try client()
            let error = await backendError { () async throws(BackendError) in
                try await lt.translate(["Hello"], pair: pair, format: .text, timeout: .seconds(20))
            }
            #expect(error == .unsupportedPair(pair))
            // After discovery the client refuses the pair without asking.
            _ = try await lt.discoverCapabilities()
            let again = await backendError { () async throws(BackendError) in
                try await lt.translate(["Hello"], pair: pair, format: .text, timeout: .seconds(20))
            }
            #expect(again == .unsupportedPair(pair))
        }

        @Test func rawUnsupportedAnswerIsLibreTranslates() async throws {
            let url = try Interop.servers().libreTranslate
            let response = try await Interop.request(.POST, url + "/translate", json: #"{"q":"Hello","source":"en","target":"ha"}"#)
            #expect(response.status == 400)
            #expect(response.body.contains(#""error":"ha is not supported""#))
        }
    }

    /// The LibreTranslate started with `--char-limit 20 --batch-limit 2 --req-limit 5`. Its
    /// limiter (moving window, one minute) counts every request, 400s included, so this suite
    /// spends a known budget in a known order: char limit, batch limit, an engine-level
    /// refusal, then successes until the 429. When an earlier run in the last minute used the
    /// budget (a harness kept running between runs), a step that meets a 429 too early waits
    /// for the window to pass (bounded) and tries once more.
    @Suite("LibreTranslate limits", .serialized)
    struct LibreTranslateLimits {
        func limited(maxBatchSize: Int = 16) throws -> any TranslationBackend {
            Interop.backend(Interop.settings("lt", .libreTranslate, try Interop.servers().libreTranslateLimited, maxBatchSize: maxBatchSize))
        }

        /// Waits (at most ~70 s) until the limited server accepts a request again.
        func waitForBudget(_ lt: any TranslationBackend) async throws {
            print("LibreTranslate limits: request budget spent by an earlier run; waiting for the one-minute window")
            let recovered = await Interop.eventually(timeout: .seconds(70), interval: .seconds(5)) {
                (try? await lt.translate(["Hi"], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(10))) != nil
            }
            try #require(recovered, "the limited LibreTranslate kept answering 429 for over a minute")
        }

        /// `body`'s error; when it is an early 429, waits for the window and retries once.
        func refusal(_ lt: any TranslationBackend, _ body: () async throws(BackendError) -> [String]) async throws -> BackendError? {
            let first = await backendError(body)
            guard case .rateLimited? = first else { return first }
            try await waitForBudget(lt)
            return await backendError(body)
        }

        @Test func limitsBecomeParleysErrors() async throws {
            let lt = try limited()
            let pair = LanguagePair(.english, .spanish)

            // --char-limit 20: a 29-character text is refused, 400 → .rejected.
            let tooLong = try await refusal(lt) { () async throws(BackendError) in
                try await lt.translate(["Hello world, this is too long"], pair: pair, format: .text, timeout: .seconds(20))
            }
            #expect(tooLong == .rejected(status: 400, message: "Invalid request: request (29) exceeds text limit (20)"))
            #expect(tooLong?.isRetryable == true)  // another backend may take it
            #expect(tooLong?.indicatesUnhealthyBackend == false)

            // --batch-limit 2: three texts in one request, 400 → .rejected.
            let tooMany = try await refusal(lt) { () async throws(BackendError) in
                try await lt.translate(["a", "b", "c"], pair: pair, format: .text, timeout: .seconds(20))
            }
            #expect(tooMany == .rejected(status: 400, message: "Invalid request: request (3) exceeds text limit (2)"))

            // Through the engine the refusal is an honest per-text error, not a translation.
            let engine = Interop.engine([Interop.settings("lt", .libreTranslate, try Interop.servers().libreTranslateLimited)])
            var refused = await engine.translate("Hello world, this is too long", from: .language(.english), to: [.spanish])
            if case .backendsFailed(_, .rateLimited, _)? = refused.results[.spanish]?.error {
                try await waitForBudget(lt)
                refused = await engine.translate("Hello world, this is too long", from: .language(.english), to: [.spanish])
            }
            #expect(refused.results[.spanish]?.error?.code == "backend_rejected")
            #expect(refused.results[.spanish]?.value == nil)

            // --req-limit 5: keep asking until the 429; at most 6 more requests are needed.
            var outcomes: [Result<[String], BackendError>] = []
            for _ in 0..<6 {
                do throws(BackendError) {
                    outcomes.append(.success(try await lt.translate(["Hi"], pair: pair, format: .text, timeout: .seconds(20))))
                } catch {
                    outcomes.append(.failure(error))
                    break
                }
            }
            let last = try #require(outcomes.last)
            #expect(last.error == .rateLimited(retryAfterSeconds: nil), "\(outcomes)")
            #expect(last.error?.isRetryable == true)
            #expect(last.error?.indicatesUnhealthyBackend == false)
            for outcome in outcomes.dropLast() { #expect(outcome.value == ["[es] Hi"]) }
        }

        /// Runs after the budget is spent: a 429 is retryable, so the engine fails over to
        /// NLLB, and it does not count against LibreTranslate's health.
        @Test func rateLimitedFailsOverWithoutOpeningTheBreaker() async throws {
            let servers = try Interop.servers()
            let engine = Interop.engine([
                Interop.settings("lt", .libreTranslate, servers.libreTranslateLimited),
                Interop.settings("nllb", .nllbAPI, servers.nllbAPI),
            ]) { $0.translation.breakerThreshold = 1 }
            await engine.monitor.probeAll()
            let lt = try limited()
            // Make sure the budget is spent (it is, right after the test above).
            var spent = false
            for _ in 0..<6 where !spent {
                if case .rateLimited? = await backendError({ () async throws(BackendError) in
                    try await lt.translate(["Hi"], pair: LanguagePair(.english, .spanish), format: .text, timeout: .seconds(20))
                }) { spent = true }
            }
            try #require(spent)
            let result = await engine.translate("Hi there", from: .language(.english), to: [.spanish])
            #expect(result.results[.spanish]?.value?.backend == "nllb")
            #expect(result.results[.spanish]?.value?.text == "[spa_Latn][eng_Latn] Hi there")
            let lt429 = await engine.monitor.backendStatuses().first { $0.name == "lt" }
            #expect(lt429?.breaker == "closed")
        }
    }
}
