import Foundation

/// Load from `wrk` (Debian's package), a separate process, the way traffic reaches a server:
/// an in-process load generator shares the server's process and runtime, and its own cost —
/// the same on both sides of a comparison — dilutes the ratio between them.
///
/// Only 2xx answers count: wrk reports the others ("Non-2xx or 3xx responses") and socket
/// errors, and a run with any of them is invalid (``Result/problem``). Whether a 2xx carried
/// the right answer is checked by the caller (for Parley: no backend call during the run, so
/// every answer came from the cache).
enum WrkLoad {
    struct Result {
        var requests: Int
        var seconds: Double
        var non2xx: Int
        var socketErrors: Int
        var output: String
        /// From `--latency`: the 50th and 99th percentile in milliseconds, when printed.
        var p50: Double?
        var p99: Double?

        var perSecond: Double { seconds > 0 ? Double(requests - non2xx) / seconds : 0 }
        /// Why the run does not count, or nil.
        var problem: String? {
            if non2xx > 0 { return "\(non2xx) answers were not 2xx" }
            if socketErrors > 0 { return "\(socketErrors) socket errors" }
            if requests == 0 { return "no requests completed:\n\(output)" }
            return nil
        }
    }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case unreadable(String)
        var description: String {
            switch self {
            case .missing(let path): "no wrk at \(path): apt-get install wrk (or set PARLEY_BENCH_WRK)"
            case .unreadable(let output): "could not read wrk's output:\n\(output)"
            }
        }
    }

    static var executable: String { ProcessInfo.processInfo.environment["PARLEY_BENCH_WRK"] ?? "/usr/bin/wrk" }

    /// `wrk -t threads -c connections -d seconds` POSTing `body` to `path` on 127.0.0.1:`port`.
    ///
    /// Waits for wrk on a thread of its own: blocking a thread of the cooperative pool would take
    /// it from the server under test, which runs in this process.
    static func post(port: Int, path: String, body: String, key: String?, connections: Int, threads: Int, seconds: Int) async throws -> Result {
        var lua = "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
        if let key { lua += "wrk.headers[\"Authorization\"] = \"Bearer \(key)\"\n" }
        lua += "wrk.body = [==[\(body)]==]\n"
        return try await run(script: lua, url: "http://127.0.0.1:\(port)\(path)", connections: connections, threads: threads, seconds: seconds)
    }

    /// wrk with any Lua `script` (see wrk's SCRIPTING), and `--latency` for percentiles.
    static func run(script lua: String, url: String, connections: Int, threads: Int, seconds: Int) async throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw Failure.missing(executable) }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString).lua")
        try lua.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script.path, url]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }.start()
        }
        return try parse(output)
    }

    /// Reads "N requests in S s", "Non-2xx or 3xx responses: N" and "Socket errors: connect a,
    /// read b, write c, timeout d" from wrk's report.
    static func parse(_ output: String) throws -> Result {
        var result = Result(requests: 0, seconds: 0, non2xx: 0, socketErrors: 0, output: output)
        var found = false
        for line in output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let words = line.split(separator: " ")
            if words.count >= 4, words[1] == "requests", words[2] == "in", let requests = Int(words[0]) {
                result.requests = requests
                // "10.00s," or, from a minute on, "1.00m,".
                result.seconds = (milliseconds(words[3].trimmingCharacters(in: CharacterSet(charactersIn: ","))) ?? 0) / 1000
                found = true
            } else if line.hasPrefix("Non-2xx or 3xx responses:"), let count = Int(words.last ?? "") {
                result.non2xx = count
            } else if words.count == 2, words[0] == "50%" || words[0] == "99%" {
                let value = milliseconds(String(words[1]))
                if words[0] == "50%" { result.p50 = value } else { result.p99 = value }
            } else if line.hasPrefix("Socket errors:") {
                result.socketErrors = line.dropFirst("Socket errors:".count).split(separator: ",")
                    .compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
            }
        }
        guard found else { throw Failure.unreadable(output) }
        return result
    }

    /// wrk's "812.00us", "1.23ms", "2.01s" in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        for (suffix, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)) { return value * factor }
        }
        return nil
    }
}
