import BackendFakes
import Languages
import TranslationBackends
import TranslationEngine

/// (e) Fan-out: one room message into the seven other UI languages, against a backend costing
/// 50 ms per call. Each target is its own backend call (MT servers take one target per call),
/// so the answer can only come in about one call's time when the calls run side by side: the
/// backend's `maxConcurrency` decides it, and the table shows it at the default (4) and at 8.
enum FanoutBenchmark {
    static func run(arguments: [String]) async throws -> String {
        let rounds = arguments.firstIndex(of: "--rounds").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 20
        let targets = Language.allCases.filter { $0 != .english }
        var table = BenchmarkTable("(e) fan-out: one message into \(targets.count) targets, backend 50 ms per call, cache off, median of \(rounds)")
        for slots in [4, 8] {
            let backend = InProcessBackend(name: "nllb", latency: .milliseconds(50), maxConcurrency: slots, maxBatchSize: 16)
            // One call's wall time, measured through the same backend.
            var single: [Double] = []
            for round in 0..<rounds {
                let start = ContinuousClock.now
                _ = try await backend.translate(["Single call \(round)"], pair: LanguagePair(.english, .hausa), format: .text, timeout: .seconds(5))
                single.append(milliseconds(start.duration(to: .now)))
            }
            let engine = EngineBenchmarks.engine(backend, cache: false)
            var fanout: [Double] = []
            var answered = 0
            for round in 0..<rounds {
                let start = ContinuousClock.now
                let result = await engine.translate("Hello room, message \(round)", from: .language(.english), to: targets, lane: .interactive)
                fanout.append(milliseconds(start.duration(to: .now)))
                answered += targets.filter { target in result.results[target].flatMap { try? $0.get() } != nil }.count
            }
            let one = median(single), all = median(fanout)
            table.add("maxConcurrency \(slots): one call", "\(format(one)) ms")
            table.add("maxConcurrency \(slots): \(targets.count) targets", "\(format(all)) ms = \(format(all / one, 2))x one call (\(answered)/\(rounds * targets.count) answered)   (target: <= 1.2x)")
        }
        return table.text
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
