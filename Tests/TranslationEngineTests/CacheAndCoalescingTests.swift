import BackendFakes
import Foundation
import Languages
import Storage
import Testing
import TranslationBackends
@testable import TranslationEngine

@Suite("Cache and coalescing")
struct CacheAndCoalescingTests {
    @Test func secondRequestIsServedFromTheCache() async {
        let nllb = nllbLike()
        let engine = makeEngine([nllb])
        let first = await engine.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        #expect(first.results[.english]?.value?.cached == false)
        let second = await engine.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        #expect(second.results[.english]?.value?.cached == true)
        #expect(second.results[.english]?.value?.text == first.results[.english]?.value?.text)
        #expect(nllb.calls == 1)
        // NFC: the same text decomposed hits the same entry.
        _ = await engine.translate("Café con leche", from: .language(.spanish), to: [.english])
        let decomposed = await engine.translate("Cafe\u{301} con leche", from: .language(.spanish), to: [.english])
        #expect(decomposed.results[.english]?.value?.cached == true)
    }

    @Test func aRepeatedTextWithProtectedSpansIsAnsweredWholeFromTheCache() async {
        let nllb = nllbLike()
        let engine = makeEngine([nllb])
        let text = "Join #swift with @ana.bsky.social at https://example.com/room today, friends"
        let first = await engine.translate(text, from: .language(.english), to: [.hausa])
        let callsForFirst = nllb.calls
        #expect(first.results[.hausa]?.value?.cached == false)
        #expect(callsForFirst >= 1)
        let second = await engine.translate(text, from: .language(.english), to: [.hausa])
        #expect(second.results[.hausa]?.value == TranslatedText(text: first.results[.hausa]?.value?.text ?? "", backend: "nllb", cached: true, unchanged: false))
        #expect(nllb.calls == callsForFirst)
        // Kept whole, apart from backend calls: the whole text as a call is not in the cache.
        let asOneCall = await engine.translate(
            text, pair: LanguagePair(.english, .hausa), format: .text, lane: .interactive,
            glossaryVersion: engine.glossaryVersion, deadline: .now + .seconds(60))
        #expect(asOneCall.value?.cached == false)
    }

    @Test func afterARestartAWholeTextIsPutTogetherFromStoredCalls() async throws {
        let store = try temporaryStore()
        let nllb = nllbLike()
        let engine = makeEngine([nllb], store: store)
        let text = "Meet me at https://example.com/a tonight, everyone"
        let first = await engine.translate(text, from: .language(.english), to: [.hausa])
        await engine.cache.flush()
        // The store holds the backend calls only, not the whole text as well.
        #expect(try await store.translationCacheStatistics().entries == nllb.calls)
        let restarted = makeEngine([nllb], store: store)
        let calls = nllb.calls
        let again = await restarted.translate(text, from: .language(.english), to: [.hausa])
        #expect(again.results[.hausa]?.value?.cached == true)
        #expect(again.results[.hausa]?.value?.text == first.results[.hausa]?.value?.text)
        #expect(nllb.calls == calls)
    }

    @Test func failuresAreNeverCached() async {
        let nllb = nllbLike()
        nllb.fault = .fail(.serverError(status: 500, message: "x"))
        let engine = makeEngine([nllb]) { $0.translation.breakerThreshold = 100 }
        _ = await engine.translate("Hello there friends", from: .language(.english), to: [.hausa])
        nllb.fault = .none
        let retried = await engine.translate("Hello there friends", from: .language(.english), to: [.hausa])
        #expect(retried.results[.hausa]?.value?.cached == false)
        #expect(nllb.calls == 2)
    }

    @Test func echoesAreNeverCached() async {
        let nllb = nllbLike()
        nllb.fault = .echo
        let engine = makeEngine([nllb]) { $0.translation.breakerThreshold = 100 }
        let echoed = await engine.translate("Hello there friends", from: .language(.english), to: [.hausa])
        #expect(echoed.results[.hausa]?.error?.code == "backend_echo")
        nllb.fault = .none
        let real = await engine.translate("Hello there friends", from: .language(.english), to: [.hausa])
        #expect(real.results[.hausa]?.value?.cached == false)
    }

    @Test func keyCoversFormatGlossaryAndModel() async {
        let nllb = nllbLike()
        let engine = makeEngine([nllb])
        let deadline = ContinuousClock.now + .seconds(120)
        let pair = LanguagePair(.english, .hausa)
        _ = await engine.translate("<b>Hi</b> there", pair: pair, format: .text, lane: .interactive, glossaryVersion: "g1", deadline: deadline)
        let html = await engine.translate("<b>Hi</b> there", pair: pair, format: .html, lane: .interactive, glossaryVersion: "g1", deadline: deadline)
        #expect(html.value?.cached == false, "\(String(describing: html.error))")
        let otherGlossary = await engine.translate("<b>Hi</b> there", pair: pair, format: .text, lane: .interactive, glossaryVersion: "g2", deadline: deadline)
        #expect(otherGlossary.value?.cached == false)
        let same = await engine.translate("<b>Hi</b> there", pair: pair, format: .text, lane: .interactive, glossaryVersion: "g1", deadline: deadline)
        #expect(same.value?.cached == true)
        #expect(nllb.calls == 3)
    }

    @Test func persistentLayerSurvivesANewEngineAndExpires() async throws {
        let store = try temporaryStore()
        let nllb = nllbLike()
        let engine = makeEngine([nllb], store: store)
        _ = await engine.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        await engine.cache.flush()
        let restarted = makeEngine([nllb], store: store)
        let hit = await restarted.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        #expect(hit.results[.english]?.value?.cached == true)
        #expect(nllb.calls == 1)
        #expect(try await store.translationCacheStatistics().entries == 1)
        let expiring = makeEngine([nllb], store: store) { $0.cache.ttl = .zero }
        let miss = await expiring.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        #expect(miss.results[.english]?.value?.cached == false)
        #expect(try await store.purgeTranslations(olderThan: nil) >= 1)
    }

    @Test func cacheOffStillTranslates() async {
        let nllb = nllbLike()
        let engine = makeEngine([nllb]) { $0.cache.enabled = false }
        _ = await engine.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        let again = await engine.translate("Sannu da zuwa", from: .language(.hausa), to: [.english])
        #expect(again.results[.english]?.value?.cached == false)
        #expect(nllb.calls == 2)
    }

    @Test func memoryLayerIsBounded() async {
        let nllb = nllbLike()
        let engine = makeEngine([nllb]) { $0.cache.memoryEntries = 10 }
        for index in 0..<50 { _ = await engine.translate("text number \(index)", from: .language(.english), to: [.hausa]) }
        let early = await engine.translate("text number 0", from: .language(.english), to: [.hausa])
        #expect(early.results[.hausa]?.value?.cached == false)  // evicted, no store behind
    }

    @Test func identicalInFlightWorkIsDoneOnce() async {
        let nllb = nllbLike(latency: .milliseconds(100))
        let engine = makeEngine([nllb]) { $0.cache.enabled = false }
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<200 {
                group.addTask { await engine.translate("Hello there friends", from: .language(.english), to: [.hausa]).results[.hausa]?.value?.text }
            }
            var texts: [String?] = []
            for await text in group { texts.append(text) }
            return texts
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 == "[ha|nllb] Hello there friends" })
        #expect(nllb.calls == 1)
    }
}
