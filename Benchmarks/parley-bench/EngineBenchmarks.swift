import BackendFakes
import Foundation
import Languages
import Logging
import Prometheus
import ServiceConfiguration
import TranslationBackends
import TranslationEngine

/// Engine-level scenarios: coalescing (c) and batching (d).
enum EngineBenchmarks {
    static func engine(_ backend: InProcessBackend, cache: Bool) -> TranslationEngine {
        var configuration = ParleyConfiguration()
        configuration.cache.enabled = cache
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        return TranslationEngine(
            backends: [backend], configuration: configuration, store: nil, detector: nil,
            registry: PrometheusCollectorRegistry(), logger: logger)
    }

    /// The engine alone on its cached path: one text, one target, answered from the memory
    /// cache, called in a loop — what a cache hit costs before HTTP is involved.
    static func cachedPath(arguments: [String]) async throws -> String {
        let count = arguments.firstIndex(of: "--calls").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 200_000
        let engine = engine(InProcessBackend(name: "nllb"), cache: true)
        let text = "Hello everyone, welcome to the room!"
        _ = await engine.translate([text], from: .language(.english), to: [.hausa])
        let start = ContinuousClock.now
        var cached = 0
        for _ in 0..<count {
            let result = await engine.translate([text], from: .language(.english), to: [.hausa])
            if case .success(let translated)? = result.first?.results[.hausa], translated.cached { cached += 1 }
        }
        let elapsed = start.duration(to: .now)
        var table = BenchmarkTable("engine cached path: \(count) sequential calls, one text, one target")
        table.add("answered from cache", "\(cached)")
        table.add("per call", "\(format(milliseconds(elapsed) * 1000 / Double(count), 2)) µs")
        return table.text
    }

    /// (c) Cache off, a backend taking 50 ms, 1,000 identical requests all in flight before the
    /// first answer: how many backend calls.
    static func coalescing(arguments: [String]) async throws -> String {
        let backend = InProcessBackend(name: "nllb", latency: .milliseconds(50))
        let engine = engine(backend, cache: false)
        let start = ContinuousClock.now
        let answered = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<1_000 {
                group.addTask {
                    let result = await engine.translate("Hello everyone in the room", from: .language(.english), to: [.hausa], lane: .bulk)
                    return result.results[.hausa].flatMap { try? $0.get() } != nil
                }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        let elapsed = start.duration(to: .now)
        var table = BenchmarkTable("(c) coalescing: 1,000 identical requests, cache off, backend 50 ms")
        table.add("requests answered", "\(answered)")
        table.add("backend calls", "\(backend.calls)   (target: exactly 1)")
        table.add("wall time", "\(format(milliseconds(elapsed))) ms")
        return table.text
    }

    /// (d) 30 separate concurrent one-text requests against a backend costing 50 ms per call
    /// (any batch size), against a sequential one-text-per-call loop.
    static func batching(arguments: [String]) async throws -> String {
        let slots = arguments.firstIndex(of: "--slots").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 4
        let texts = (0..<30).map { "Message number \($0) in the room" }
        let sequentialBackend = InProcessBackend(name: "nllb", latency: .milliseconds(50), maxConcurrency: slots, maxBatchSize: 32)
        let sequentialStart = ContinuousClock.now
        for text in texts {
            _ = try await sequentialBackend.translate([text], pair: LanguagePair(.english, .hausa), format: .text, timeout: .seconds(5))
        }
        let sequential = sequentialStart.duration(to: .now)

        let backend = InProcessBackend(name: "nllb", latency: .milliseconds(50), maxConcurrency: slots, maxBatchSize: 32)
        let engine = engine(backend, cache: false)
        let start = ContinuousClock.now
        let answered = await withTaskGroup(of: Bool.self) { group in
            for text in texts {
                group.addTask {
                    let result = await engine.translate(text, from: .language(.english), to: [.hausa], lane: .interactive)
                    return result.results[.hausa].flatMap { try? $0.get() } != nil
                }
            }
            var count = 0
            for await ok in group where ok { count += 1 }
            return count
        }
        let concurrent = start.duration(to: .now)
        var table = BenchmarkTable("(d) batching: 30 concurrent one-text requests (interactive lane, the API default), backend 50 ms per call, \(slots) slots")
        table.add("sequential loop", "\(format(milliseconds(sequential))) ms (30 calls)")
        table.add("through Parley", "\(format(milliseconds(concurrent))) ms (\(backend.calls) calls, batch sizes \(backend.batchSizes), \(answered) answered)")
        table.add("speed-up", "\(format(milliseconds(sequential) / milliseconds(concurrent)))x   (target: >= 20x)")
        return table.text
    }
}
