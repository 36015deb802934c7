import BackendFakes
import Languages
import ServiceConfiguration
import Testing
import TranslationBackends
@testable import TranslationEngine

@Suite("Routing and failover")
struct RoutingTests {
    @Test func defaultsSendLowResourcePairsToNLLBAndMajorPairsToLibreTranslate() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        let engine = makeEngine([lt, nllb])
        let hausa = await engine.translate("Hello friends", from: .language(.english), to: [.hausa])
        #expect(hausa.results[.hausa]?.value?.backend == "nllb")
        let spanish = await engine.translate("Hello friends", from: .language(.english), to: [.spanish])
        #expect(spanish.results[.spanish]?.value?.backend == "lt")
        #expect(spanish.results[.spanish]?.value?.text == "[es|lt] Hello friends")
        let irish = await engine.translate("Hello friends", from: .language(.english), to: [.irish])
        #expect(irish.results[.irish]?.value?.backend == "nllb")
        let russianFromSpanish = await engine.translate("Hola amigos", from: .language(.spanish), to: [.russian])
        #expect(russianFromSpanish.results[.russian]?.value?.backend == "nllb")
    }

    @Test func neverSendsAPairToABackendThatLacksIt() async {
        let lt = libreTranslateLike()
        let engine = makeEngine([lt])
        let result = await engine.translate("Hello friends", from: .language(.english), to: [.swahili])
        #expect(result.results[.swahili]?.error == .noRoute(LanguagePair(.english, .swahili)))
        #expect(lt.calls == 0)
    }

    @Test func knownRoutesWaitForDiscoveryThenMatchTheFullAnswer() async {
        let engine = makeEngine([libreTranslateLike(), nllbLike()])
        let pairs = [LanguagePair(.english, .spanish), LanguagePair(.spanish, .hausa), LanguagePair(.arabic, .russian)]
        #expect(engine.planner.knownRoutes(for: pairs[0]) == nil)
        for pair in pairs {
            let routes = await engine.planner.routes(for: pair)
            #expect(engine.planner.knownRoutes(for: pair) == routes)
        }
    }

    @Test func configuredPreferencesWin() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        let engine = makeEngine([lt, nllb]) { $0.routing.preferences = ["en-es": ["nllb", "lt"], "*-*": ["lt", "nllb"]] }
        let spanish = await engine.translate("Hello there", from: .language(.english), to: [.spanish])
        #expect(spanish.results[.spanish]?.value?.backend == "nllb")
        // ga pairs: the catch-all says lt first, and lt serves en-ga.
        let irish = await engine.translate("Hello there", from: .language(.english), to: [.irish])
        #expect(irish.results[.irish]?.value?.backend == "lt")
    }

    @Test func pivotsThroughEnglishWhenNoBackendServesThePair() async {
        // One backend knows only sw→en, another only en→es.
        let swahiliEnglish = InProcessBackend(name: "a", kind: .nllbServe, pairs: [LanguagePair(.swahili, .english)])
        let englishSpanish = InProcessBackend(name: "b", kind: .libreTranslate, pairs: [LanguagePair(.english, .spanish)])
        let engine = makeEngine([swahiliEnglish, englishSpanish])
        let result = await engine.translate("Habari za asubuhi", from: .language(.swahili), to: [.spanish])
        let translated = result.results[.spanish]?.value
        #expect(translated?.backend == "a+b")
        #expect(translated?.text == "[es|b] [en|a] Habari za asubuhi")
    }

    @Test func failsOverOnRetryableErrors() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        lt.fault = .fail(.serverError(status: 500, message: "boom"))
        let engine = makeEngine([lt, nllb])
        let result = await engine.translate("Hello friends", from: .language(.english), to: [.spanish])
        #expect(result.results[.spanish]?.value?.backend == "nllb")
        #expect(lt.calls == 1 && nllb.calls == 1)
    }

    @Test("each failure kind fails over", arguments: [
        BackendError.timeout, .connectionFailed("refused"), .rateLimited(retryAfterSeconds: 3), .malformedResponse("x"), .serverError(status: 503, message: "x"),
    ])
    func failureKindsFailOver(error: BackendError) async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        lt.fault = .fail(error)
        let engine = makeEngine([lt, nllb])
        let result = await engine.translate("Hello friends", from: .language(.english), to: [.spanish])
        #expect(result.results[.spanish]?.value?.backend == "nllb")
    }

    @Test func echoIsAFailureAndFailsOver() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        lt.fault = .echo
        let engine = makeEngine([lt, nllb])
        let result = await engine.translate("Hello my good friends", from: .language(.english), to: [.spanish])
        #expect(result.results[.spanish]?.value?.backend == "nllb")
    }

    @Test func honestFailureWhenEveryBackendFails() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        lt.fault = .fail(.rateLimited(retryAfterSeconds: 7))
        nllb.fault = .fail(.connectionFailed("refused"))
        let engine = makeEngine([lt, nllb])
        let result = await engine.translate("Hello friends", from: .language(.english), to: [.spanish, .english])
        let error = result.results[.spanish]?.error
        #expect(error?.code == "backend_unavailable")
        #expect(error?.backend == "nllb")
        #expect(error?.retryAfterSeconds != nil)
        // The target equal to the source is still answered, unchanged.
        #expect(result.results[.english]?.value?.unchanged == true)
    }

    @Test func aRefusedInputFailsOverWithoutHurtingTheBackendsHealth() async {
        let lt = libreTranslateLike(), nllb = nllbLike()
        lt.fault = .fail(.rejected(status: 400, message: "Invalid request: request (5001) exceeds text limit (5000)"))
        let engine = makeEngine([lt, nllb])
        for index in 0..<5 {
            let result = await engine.translate("Hello friends number \(index)", from: .language(.english), to: [.spanish])
            #expect(result.results[.spanish]?.value?.backend == "nllb")
        }
        #expect(nllb.calls == 5)
        #expect(lt.calls == 5)  // a refusal is not a sign of ill health: the breaker stays closed
        lt.fault = .none
        nllb.fault = .fail(.rejected(status: 400, message: "too long"))
        let refused = await engine.translate("Hello again friends", from: .language(.english), to: [.hausa])
        #expect(refused.results[.hausa]?.error?.code == "backend_rejected")
    }

    @Test func lowerLatencyWinsATie() async {
        let slow = nllbLike(name: "slow", latency: .milliseconds(30)), fast = nllbLike(name: "fast")
        let engine = makeEngine([slow, fast])
        await engine.monitor.probeAll()
        // Teach the monitor their speeds with real calls on a pair both serve.
        _ = await engine.translate("warm up one", pair: LanguagePair(.english, .hausa), format: .text, lane: .interactive, glossaryVersion: "a", deadline: .now + .seconds(120))
        // The moving average forgets the (noisy) probe timings after a few calls.
        for _ in 0..<30 {
            engine.monitor.recordSuccess("slow", latency: .milliseconds(30))
            engine.monitor.recordSuccess("fast", latency: .milliseconds(1))
        }
        let result = await engine.translate("Sannu da zuwa abokai", from: .language(.hausa), to: [.swahili])
        #expect(result.results[.swahili]?.value?.backend == "fast")
    }

    @Test func unchangedForSameLanguageAndUndeterminedSource() async {
        let nllb = nllbLike()
        let engine = makeEngine([nllb], detector: FixedDetector(answers: ["😀👍": Optional<Language>.none]))
        let same = await engine.translate("Hola", from: .language(.spanish), to: [.spanish])
        #expect(same.results[.spanish]?.value == TranslatedText(text: "Hola", backend: nil, cached: false, unchanged: true))
        let emoji = await engine.translate("😀👍", from: .auto, to: [.spanish, .arabic])
        #expect(emoji.source.language == nil)
        #expect(emoji.results[.arabic]?.value?.unchanged == true)
        #expect(emoji.results[.arabic]?.value?.text == "😀👍")
        #expect(nllb.calls == 0)
    }
}
