import Foundation
import Storage

/// `parley-bench store --postgres URL [--lookups N]`: what a trip to the store costs on SQLite
/// and on PostgreSQL, measured the same way on both.
///
/// For each store, freshly made (a new SQLite file; a new PostgreSQL database made with `psql`
/// on the server of `URL`, dropped afterwards): the time to open it with every migration, then
/// N sequential lookups each of a translation-cache key that is not there (the cost a cache
/// miss adds before the backend is called: the memory layer missed too) and of one that is
/// (a hit on another instance's translation), p50/p99 in µs. One caller at a time, so this is
/// latency, not throughput; the memory layer in front answers repeat texts without either.
enum StoreBenchmark {
    static func run(arguments: [String]) async throws -> String {
        let lookups = arguments.firstIndex(of: "--lookups").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 2000
        let admin = arguments.firstIndex(of: "--postgres").flatMap { arguments[safe: $0 + 1] }
            ?? ProcessInfo.processInfo.environment["PARLEY_BENCH_POSTGRES_URL"]
        var table = BenchmarkTable("store: open with migrations, cache lookups (\(lookups) each, one caller)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try await measure("sqlite", url: "sqlite:\(directory)/parley.sqlite", lookups: lookups, into: &table)
        if let admin {
            let name = "parley_bench_\(UUID().uuidString.prefix(8).lowercased())"
            try psql(admin, "CREATE DATABASE \(name)")
            defer { try? psql(admin, "DROP DATABASE \(name)") }
            guard let slash = admin.range(of: "/", options: .backwards) else { throw BenchmarkError("--postgres needs postgres://…/DB") }
            let url = String(admin[..<slash.lowerBound]) + "/" + name
            try await measure("postgres", url: url, lookups: lookups, into: &table)
        } else {
            table.add("postgres", "skipped: give --postgres postgres://USER@HOST:PORT/DB (or PARLEY_BENCH_POSTGRES_URL)")
        }
        return table.text
    }

    static func measure(_ label: String, url: String, lookups: Int, into table: inout BenchmarkTable) async throws {
        let clock = ContinuousClock()
        let opening = clock.now
        let store = try await StoreURL(url, dataDirectory: "").open()
        let opened = opening.duration(to: clock.now)
        defer { Task { try? await store.close() } }
        let now = Date()
        let present = (0..<lookups).map { CachedTranslation(key: "bench:hit:\($0)", text: "hola \($0)", backend: "lt", createdAt: now) }
        for chunk in stride(from: 0, to: present.count, by: 500) {
            try await store.saveTranslations(Array(present[chunk..<min(chunk + 500, present.count)]))
        }
        let old = now.addingTimeInterval(-86_400)
        _ = try await store.cachedTranslation(key: "warm-up", notBefore: old)
        var misses: [Double] = [], hits: [Double] = []
        for index in 0..<lookups {
            let missing = "bench:miss:\(index):\(UUID().uuidString)"
            let start = clock.now
            let miss = try await store.cachedTranslation(key: missing, notBefore: old)
            misses.append(milliseconds(start.duration(to: clock.now)) * 1000)
            let hitStart = clock.now
            let hit = try await store.cachedTranslation(key: "bench:hit:\(index)", notBefore: old)
            hits.append(milliseconds(hitStart.duration(to: clock.now)) * 1000)
            guard miss == nil, hit?.text == "hola \(index)" else { throw BenchmarkError("\(label): a lookup answered wrongly") }
        }
        table.add("\(label) open (new, all migrations)", "\(format(milliseconds(opened))) ms")
        table.add("\(label) cache miss", "p50 \(format(percentile(misses, 0.5))) µs, p99 \(format(percentile(misses, 0.99))) µs")
        table.add("\(label) cache hit (store)", "p50 \(format(percentile(hits, 0.5))) µs, p99 \(format(percentile(hits, 0.99))) µs")
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }

    static func psql(_ url: String, _ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-qc", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError("psql could not run \(command)") }
    }
}

/// A benchmark that could not run as asked.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
