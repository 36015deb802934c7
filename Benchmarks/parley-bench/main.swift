import Foundation

// parley-bench: Parley's benchmark harness. Speed and memory targets are measured here (release
// build), never in unit tests. See Benchmarks/README.md.
let arguments = Array(CommandLine.arguments.dropFirst())
let scenario = arguments.first ?? "help"
let rest = Array(arguments.dropFirst())

do {
    switch scenario {
    case "detect":
        print(try DetectionBenchmark.run(arguments: rest))
    case "cached":
        print(try await HTTPBenchmarks.cachedThroughput(arguments: rest))
    case "latency":
        print(try await HTTPBenchmarks.addedLatency(arguments: rest))
    case "engine-cached":
        print(try await EngineBenchmarks.cachedPath(arguments: rest))
    case "coalesce":
        print(try await EngineBenchmarks.coalescing(arguments: rest))
    case "batching":
        print(try await EngineBenchmarks.batching(arguments: rest))
    case "soak":
        print(try await SoakBenchmark.run(arguments: rest))
    case "faults":
        print(try await FaultBenchmark.run(arguments: rest))
    case "store":
        print(try await StoreBenchmark.run(arguments: rest))
    case "fanout":
        print(try await FanoutBenchmark.run(arguments: rest))
    case "translate":
        print(try await HTTPBenchmarks.cachedThroughput(arguments: rest))
        print(try await HTTPBenchmarks.addedLatency(arguments: rest))
        print(try await EngineBenchmarks.coalescing(arguments: rest))
        print(try await EngineBenchmarks.batching(arguments: rest))
    default:
        print("""
            usage: swift run -c release parley-bench <scenario> [options]
              detect     language detection: model load time, size, texts/s on one core
              cached     (a) cached /v1/translate req/s vs a bare Hummingbird JSON route, alternating
              engine-cached  the engine's cache-hit path alone (no HTTP): µs per call
              latency    (b) p50/p99 added latency of /v1/translate over a zero-latency backend
              coalesce   (c) 1,000 identical in-flight requests, cache off, 50 ms backend: backend calls
              batching   (d) 30 concurrent one-text requests vs a sequential loop, 50 ms per call
              soak       mixed traffic for --minutes N (default 10): per-minute rates, p50/p99, RSS, fds, WAL
              faults     the fault matrix: failure mode × request kind, alone and with a peer
              store      SQLite vs PostgreSQL: open with migrations, cache miss and hit lookups (--postgres URL)
              fanout     (e) one message into 7 targets, 50 ms backend: wall time vs one call
              translate  (a) to (d)
            """)
    }
} catch {
    FileHandle.standardError.write(Data("parley-bench: \(error)\n".utf8))
    exit(1)
}
