import BackendFakes
import Languages
import Testing
import TranslationBackends
@testable import TranslationEngine

@Suite("Batching and priority lanes")
struct SchedulingTests {
    @Test func idleBackendGetsEachTextAtOnceAlone() async {
        let nllb = nllbLike(maxConcurrency: 2)
        let engine = makeEngine([nllb])
        _ = await engine.translate("one text", from: .language(.english), to: [.hausa])
        _ = await engine.translate("another text", from: .language(.english), to: [.hausa])
        #expect(nllb.batchSizes == [1, 1])
    }

    /// Separate requests arriving together ride the call that is about to leave, instead of
    /// each taking a slot and leaving the latecomers to wait for a second round.
    @Test func textsArrivingTogetherJoinTheCallAboutToLeave() async {
        let nllb = nllbLike(latency: .milliseconds(50), maxConcurrency: 4, maxBatchSize: 32)
        let engine = makeEngine([nllb]) { $0.cache.enabled = false }
        // The 30 requests wait at a starting line until all of them are there, so they do
        // arrive together even when a loaded CI machine is slow to start 30 tasks (a run saw
        // them trickle in as 4 calls of at most 11).
        let line = StartingLine(runners: 30)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<30 {
                group.addTask {
                    await line.arrive()
                    _ = await engine.translate("message number \(index)", from: .language(.english), to: [.hausa])
                }
            }
        }
        #expect(nllb.batchSizes.reduce(0, +) == 30)
        #expect(nllb.calls <= 3, "batch sizes \(nllb.batchSizes)")
        #expect((nllb.batchSizes.max() ?? 0) >= 20, "batch sizes \(nllb.batchSizes)")
    }

    /// Texts a leaving call cannot take (beyond its batch limit) get the free slots at once.
    @Test func whatALeavingCallCannotTakeGetsTheFreeSlots() async {
        let nllb = nllbLike(latency: .milliseconds(100), maxConcurrency: 4, maxBatchSize: 4)
        let engine = makeEngine([nllb]) { $0.cache.enabled = false }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<10 {
                group.addTask { _ = await engine.translate("message number \(index)", from: .language(.english), to: [.hausa]) }
            }
        }
        #expect(nllb.batchSizes.reduce(0, +) == 10)
        #expect(nllb.batchSizes.allSatisfy { $0 <= 4 })
        #expect(nllb.maxConcurrentCalls >= 3, "batch sizes \(nllb.batchSizes)")
    }

    @Test func busyBackendGetsBatches() async {
        let nllb = nllbLike(latency: .milliseconds(50), maxConcurrency: 1, maxBatchSize: 16)
        let engine = makeEngine([nllb])
        let texts = (0..<30).map { "message number \($0)" }
        let results = await engine.translate(texts, from: .language(.english), to: [.hausa], lane: .bulk)
        #expect(results.count == 30)
        #expect(results.allSatisfy { $0.results[.hausa]?.value != nil })
        #expect(nllb.batchSizes.reduce(0, +) == 30)
        #expect(nllb.calls <= 4)
        #expect(nllb.batchSizes.max() == 16)
        #expect(nllb.maxConcurrentCalls == 1)
        // Outputs match their inputs even though they travelled in batches.
        for (text, result) in zip(texts, results) {
            #expect(result.results[.hausa]?.value?.text == "[ha|nllb] \(text)")
        }
    }

    @Test func batchesNeverMixPairs() async {
        let nllb = nllbLike(latency: .milliseconds(30), maxConcurrency: 1)
        let engine = makeEngine([nllb])
        async let a = engine.translate((0..<8).map { "to hausa \($0)" }, from: .language(.english), to: [.hausa])
        async let b = engine.translate((0..<8).map { "to swahili \($0)" }, from: .language(.english), to: [.swahili])
        let (hausa, swahili) = await (a, b)
        #expect(hausa.allSatisfy { $0.results[.hausa]?.value?.text.hasPrefix("[ha|") == true })
        #expect(swahili.allSatisfy { $0.results[.swahili]?.value?.text.hasPrefix("[sw|") == true })
    }

    @Test func interactiveNeverWaitsBehindBulkWhenASlotIsReserved() async throws {
        let nllb = nllbLike(latency: .milliseconds(200), maxConcurrency: 2, maxBatchSize: 1)
        let engine = makeEngine([nllb])
        let bulk = Task { await engine.translate((0..<6).map { "bulk \($0)" }, from: .language(.english), to: [.hausa], lane: .bulk) }
        for _ in 0..<500 where nllb.calls == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(50))
        #expect(nllb.maxConcurrentCalls == 1)  // bulk may use only one of the two slots
        let interactive = await engine.translate("click translate", from: .language(.english), to: [.hausa], lane: .interactive)
        #expect(interactive.results[.hausa]?.value != nil)
        // It went out next to the first bulk text, not after the queued ones.
        #expect(nllb.receivedTexts.firstIndex(of: "click translate") == 1)
        #expect(nllb.maxConcurrentCalls == 2)
        #expect(nllb.calls <= 3, "bulk texts sent before the interactive one finished: \(nllb.calls - 1)")
        _ = await bulk.value
    }

    @Test func interactiveJumpsTheQueueOnASingleSlotBackend() async throws {
        let nllb = nllbLike(latency: .milliseconds(100), maxConcurrency: 1, maxBatchSize: 1)
        let engine = makeEngine([nllb])
        let background = Task { await engine.translate((0..<5).map { "background \($0)" }, from: .language(.english), to: [.hausa], lane: .background) }
        try await Task.sleep(for: .milliseconds(30))
        let bulk = Task { await engine.translate((0..<3).map { "bulk \($0)" }, from: .language(.english), to: [.hausa], lane: .bulk) }
        try await Task.sleep(for: .milliseconds(30))
        _ = await engine.translate("interactive one", from: .language(.english), to: [.hausa], lane: .interactive)
        _ = await (background.value, bulk.value)
        let order = nllb.receivedTexts
        // After the text already in flight, interactive goes first, then bulk, then background.
        #expect(order[1] == "interactive one")
        #expect(Array(order[2...4]).allSatisfy { $0.hasPrefix("bulk") })
        #expect(Array(order[5...]).allSatisfy { $0.hasPrefix("background") })
    }

    @Test func fullLaneGivesOverloaded() async {
        let nllb = nllbLike(latency: .milliseconds(200), maxConcurrency: 1, maxBatchSize: 1)
        let engine = makeEngine([nllb]) { $0.translation.bulkQueue = 3 }
        let results = await engine.translate((0..<10).map { "bulk text \($0)" }, from: .language(.english), to: [.hausa], lane: .bulk)
        let overloaded = results.filter { $0.results[.hausa]?.error?.code == "overloaded" }
        #expect(overloaded.count >= 5)
        #expect(overloaded.allSatisfy { $0.results[.hausa]?.error?.retryAfterSeconds != nil })
        #expect(results.filter { $0.results[.hausa]?.value != nil }.count >= 3)
    }
}

/// Holds tasks until `runners` of them have arrived, then lets them all go at once.
private actor StartingLine {
    private let runners: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(runners: Int) { self.runners = runners }

    func arrive() async {
        await withCheckedContinuation { continuation in
            waiting.append(continuation)
            guard waiting.count == runners else { return }
            for runner in waiting { runner.resume() }
            waiting = []
        }
    }
}
