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
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw Failure.missing(executable) }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bench-\(UUID().uuidString).lua")
        var lua = "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
        if let key { lua += "wrk.headers[\"Authorization\"] = \"Bearer \(key)\"\n" }
        lua += "wrk.body = [==[\(body)]==]\n"
        try lua.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "-s", script.path, "http://127.0.0.1:\(port)\(path)"]
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
                result.seconds = Double(words[3].trimmingCharacters(in: CharacterSet(charactersIn: "s,"))) ?? 0
                found = true
            } else if line.hasPrefix("Non-2xx or 3xx responses:"), let count = Int(words.last ?? "") {
                result.non2xx = count
            } else if line.hasPrefix("Socket errors:") {
                result.socketErrors = line.dropFirst("Socket errors:".count).split(separator: ",")
                    .compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
            }
        }
        guard found else { throw Failure.unreadable(output) }
        return result
    }
}
