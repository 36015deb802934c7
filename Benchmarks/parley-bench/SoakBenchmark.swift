import AsyncHTTPClient
import BackendFakes
import Catalogs
import Foundation
import Logging
import NIOCore
import ParleyServer
import ServiceConfiguration
import Storage

/// `parley-bench soak --minutes N`: mixed traffic for N minutes against one Parley (in this
/// process) with a fake backend taking 20 ms per call, the shipped catalogs and its access log
/// on. Each route is loaded by its own `wrk` process, so each gets its own rate and
/// percentiles: cached and uncached translations, rich-text chat messages, detection, and
/// `/locales` with and without `If-None-Match`; catalog edits (with `If-Match`, one every
/// 200 ms) come from this process. Prints per minute: req/s, p50/p99 per route, failures, RSS,
/// open file descriptors, the SQLite file and its WAL; at the end whether the run met its
/// targets (no failed request, RSS after minute 2 grows ≤ 10 %, descriptors flat).
enum SoakBenchmark {
    struct Route {
        var name: String
        var connections: Int
        var script: String
    }

    static func run(arguments: [String]) async throws -> String {
        let minutes = arguments.firstIndex(of: "--minutes").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 10
        // `--skip uncached,edits`: leaves traffic kinds out, to tell which one a growth comes with.
        let skipped = Set(arguments.firstIndex(of: "--skip").flatMap { arguments[safe: $0 + 1] }?.split(separator: ",").map(String.init) ?? [])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-soak-\(UUID().uuidString)").path
        var configuration = ParleyConfiguration()
        configuration.server.port = 0
        configuration.auth.rateLimit.requestsPerSecond = 0
        let logPath = HTTPBenchmarks.redirectAccessLog()
        LoggingBootstrap.bootstrap(configuration.log)
        let store = try SQLiteStore(directory: directory)
        let catalogs = CatalogService(store: store)
        _ = try await catalogs.importTree(from: "Catalogs")
        let service = try ParleyService(
            configuration: configuration, store: store, logger: Logger(label: "parley"),
            backends: [InProcessBackend(name: "nllb", latency: .milliseconds(20), maxConcurrency: 16, maxBatchSize: 16, records: false)],
            detection: try DetectionService.bundled(), catalogs: catalogs)
        let (_, key) = try await service.keys.create(name: "soak", scopes: [.admin], unlimited: true)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = try await HTTPBenchmarks.start(service.makeApplication { continuation.yield($0) }, ports: ports)
        let base = "http://127.0.0.1:\(running.port)"

        var table = BenchmarkTable("soak: \(minutes) min, fake backend 20 ms, access log at info (\(logPath))\(skipped.isEmpty ? "" : ", without " + skipped.sorted().joined(separator: ", "))")
        var rss: [Double] = [], descriptors: [Int] = [], heapInUse: [Double] = []
        var failures = 0
        let editor = Task { if !skipped.contains("edits") { try await editLoop(base: base, key: key) } }
        for minute in 1...minutes {
            let routes = routes(key: key, minute: minute).filter { !skipped.contains($0.name) }
            let results = try await withThrowingTaskGroup(of: (String, WrkLoad.Result).self) { group in
                for route in routes {
                    group.addTask { (route.name, try await WrkLoad.run(script: route.script, url: base + "/", connections: route.connections, threads: 1, seconds: 60)) }
                }
                var all: [(String, WrkLoad.Result)] = []
                for try await result in group { all.append(result) }
                return all.sorted { $0.0 < $1.0 }
            }
            var line: [String] = []
            for (name, result) in results {
                let failed = result.non2xx + result.socketErrors
                failures += failed
                line.append("\(name) \(format(result.perSecond, 0))/s p50 \(format(result.p50 ?? 0, 1)) p99 \(format(result.p99 ?? 0, 1)) ms\(failed > 0 ? " FAILED \(failed)" : "")")
            }
            let memory = residentMegabytes(), files = openDescriptors(), heap = heapMegabytes()
            rss.append(memory); descriptors.append(files); heapInUse.append(heap.inUse)
            let edits = await EditCounter.shared.take()
            failures += edits.failed
            table.add("minute \(minute)", line.joined(separator: " | "))
            table.add("  process", "RSS \(format(memory, 1)) MB  heap in use \(format(heap.inUse, 1)) MB of \(format(heap.arenas, 1)) MB (SQLite's \(format(sqliteMegabytes(), 1)) MB)  fds \(files)  sqlite \(format(fileMegabytes(directory + "/parley.sqlite"), 1)) MB  wal \(format(fileMegabytes(directory + "/parley.sqlite-wal"), 2)) MB  edits \(edits.ok) ok \(edits.failed) failed")
        }
        editor.cancel()
        _ = await editor.result
        await running.stop()
        let baseline = rss.count > 2 ? rss[1] : rss.first ?? 0
        let growth = baseline > 0 ? ((rss.last ?? 0) / baseline - 1) * 100 : 0
        table.add("failed requests", "\(failures)   (target: 0)")
        table.add("RSS after minute 2", "\(format(growth, 1)) %   (target: <= 10 %)")
        table.add("file descriptors", "\(descriptors.min() ?? 0)–\(descriptors.max() ?? 0)   (target: flat)")
        let heapBaseline = heapInUse.count > 2 ? heapInUse[1] : heapInUse.first ?? 0
        table.add("heap in use after minute 2", "\(format(heapBaseline > 0 ? ((heapInUse.last ?? 0) / heapBaseline - 1) * 100 : 0, 1)) %   (what malloc has handed out and not been given back; RSS above it is the allocator's)")
        return table.text
    }

    /// One wrk script per route; `minute` keeps the uncached texts new every minute.
    static func routes(key: String, minute: Int) -> [Route] {
        let auth = "wrk.headers[\"Authorization\"] = \"Bearer \(key)\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
        func post(_ path: String, _ body: String) -> String {
            auth + "wrk.method = \"POST\"\nwrk.path = \"\(path)\"\nwrk.body = [==[\(body)]==]\n"
        }
        return [
            Route(name: "cached", connections: 4, script: post("/v1/translate", #"{"texts":["Hello everyone, welcome to the room!"],"source":"en","targets":["es"]}"#)),
            Route(name: "uncached", connections: 4, script: auth + """
                counter = 0
                request = function()
                  counter = counter + 1
                  local body = '{"texts":["Soak minute \(minute) message ' .. counter .. '"],"source":"en","targets":["ha"]}'
                  return wrk.format("POST", "/v1/translate", nil, body)
                end
                """),
            Route(name: "chat", connections: 2, script: post("/v1/chat/translate", #"{"source":"en","targets":["es","ar"],"messages":[{"uri":"at://did:plc:x/app.protoimsg.chat.message/1","text":"@alice good morning, see https://example.org","facets":[{"index":{"byteStart":0,"byteEnd":6},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:alice"}]}]}]}"#)),
            Route(name: "detect", connections: 2, script: post("/v1/detect", #"{"texts":["Habari za asubuhi marafiki zangu","Dobroho ranku"]}"#)),
            // /locales: every other request revalidates with the ETag of the last answer (304).
            Route(name: "locales", connections: 2, script: """
                etag = nil
                n = 0
                request = function()
                  n = n + 1
                  local headers = {}
                  if etag ~= nil and n % 2 == 0 then headers["If-None-Match"] = etag end
                  return wrk.format("GET", "/locales/es/chat.json", headers, nil)
                end
                response = function(status, headers, body)
                  if headers["ETag"] ~= nil then etag = headers["ETag"] end
                  if headers["etag"] ~= nil then etag = headers["etag"] end
                end
                """),
        ]
    }

    /// Saves a catalog key every 200 ms with `If-Match`, alternating two values.
    static func editLoop(base: String, key: String) async throws {
        let url = base + "/v1/catalogs/es/common/keys/button.close"
        var revision = 0
        var flip = false
        while !Task.isCancelled {
            do {
                if revision == 0 {
                    var get = HTTPClientRequest(url: url)
                    get.headers.add(name: "Authorization", value: "Bearer \(key)")
                    let response = try await HTTPClient.shared.execute(get, timeout: .seconds(10))
                    _ = try await response.body.collect(upTo: 1 << 20)
                    revision = Int(response.headers.first(name: "ETag")?.trimmingCharacters(in: CharacterSet(charactersIn: "\"W/")) ?? "") ?? 0
                }
                flip.toggle()
                var put = HTTPClientRequest(url: url)
                put.method = .PUT
                put.headers.add(name: "Authorization", value: "Bearer \(key)")
                put.headers.add(name: "Content-Type", value: "application/json")
                put.headers.add(name: "If-Match", value: "\"\(revision)\"")
                put.body = .bytes(ByteBuffer(string: flip ? #"{"value":"Cerrar"}"# : #"{"value":"Cerrar ya"}"#))
                let response = try await HTTPClient.shared.execute(put, timeout: .seconds(10))
                _ = try await response.body.collect(upTo: 1 << 20)
                if response.status == .ok {
                    revision = Int(response.headers.first(name: "ETag")?.trimmingCharacters(in: CharacterSet(charactersIn: "\"W/")) ?? "") ?? 0
                    await EditCounter.shared.record(ok: true)
                } else {
                    revision = 0
                    await EditCounter.shared.record(ok: false)
                }
            } catch {
                if Task.isCancelled { return }
                await EditCounter.shared.record(ok: false)
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    actor EditCounter {
        static let shared = EditCounter()
        var ok = 0, failed = 0
        func record(ok success: Bool) { if success { ok += 1 } else { failed += 1 } }
        func take() -> (ok: Int, failed: Int) { defer { ok = 0; failed = 0 }; return (ok, failed) }
    }

    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    /// glibc's own account of the heap (`malloc_info`, read through `dlsym`: `malloc.h` is not
    /// in Swift's Glibc module): bytes handed out and not freed, and what its arenas hold from
    /// the system, to tell a growing heap (something keeps more) from freed memory the
    /// allocator has not returned.
    static func heapMegabytes() -> (inUse: Double, arenas: Double) {
        typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_info") else { return (0, 0) }
        let mallocInfo = unsafeBitCast(symbol, to: MallocInfo.self)
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        guard let stream = open_memstream(&buffer, &length) else { return (0, 0) }
        _ = mallocInfo(0, stream)
        fclose(stream)
        defer { free(buffer) }
        guard let buffer else { return (0, 0) }
        let xml = String(cString: buffer)
        // The totals after the last </heap>: free chunks ("fast", "rest"), mmapped blocks, and
        // the system memory of all arenas ("current").
        let totals = xml.components(separatedBy: "</heap>").last ?? xml
        func sizeAfter(_ tag: String) -> Double {
            guard let range = totals.range(of: tag) else { return 0 }
            let rest = totals[range.upperBound...]
            guard let open = rest.range(of: "size=\""), let close = rest[open.upperBound...].firstIndex(of: "\"") else { return 0 }
            return Double(rest[open.upperBound..<close]) ?? 0
        }
        let system = sizeAfter("<system type=\"current\""), mmapped = sizeAfter("<total type=\"mmap\"")
        let free = sizeAfter("<total type=\"fast\"") + sizeAfter("<total type=\"rest\"")
        return ((system - free + mmapped) / 1_048_576, (system + mmapped) / 1_048_576)
    }

    /// What SQLite has allocated (`sqlite3_memory_used`, through `dlsym` as GRDB links the
    /// library): its page caches, statements and schema. Bounded by the store's reader count
    /// times its page cache, it grows as the file does until the caches are full.
    static func sqliteMegabytes() -> Double {
        typealias MemoryUsed = @convention(c) () -> Int64
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sqlite3_memory_used") else { return 0 }
        return Double(unsafeBitCast(symbol, to: MemoryUsed.self)()) / 1_048_576
    }

    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    static func fileMegabytes(_ path: String) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        return size / 1_048_576
    }
}
