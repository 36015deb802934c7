import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing
@testable import ParleyServer

/// Log lines: their format, their order, and that nothing waiting is lost.
@Suite struct LoggingTests {
    /// A pipe whose write end a sink writes to.
    final class Pipe: @unchecked Sendable {
        let read: Int32, write: Int32
        init() throws {
            var descriptors: [Int32] = [0, 0]
            guard pipe(&descriptors) == 0 else { throw POSIXError(.EMFILE) }
            read = descriptors[0]
            write = descriptors[1]
            _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
        }
        deinit {
            close(read)
            close(write)
        }
        /// Everything written so far.
        func drain() -> String {
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { Foundation.read(read, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                out += chunk[0..<count]
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    @Test func linesWaitBrieflyThenArriveInOrder() async throws {
        let pipe = try Pipe()
        let sink = LogSink(descriptor: pipe.write)
        for index in 0..<100 { sink.write(Array("line \(index)\n".utf8), urgent: false) }
        // Within the batching delay, nothing need have been written; after it, all of it.
        try await Task.sleep(for: .milliseconds(100))
        let lines = pipe.drain().split(separator: "\n")
        #expect(lines == (0..<100).map { "line \($0)"[...] })
    }

    @Test func anUrgentLineAndFlushWriteAtOnce() throws {
        let pipe = try Pipe()
        let sink = LogSink(descriptor: pipe.write)
        sink.write(Array("waiting\n".utf8), urgent: false)
        sink.write(Array("warning\n".utf8), urgent: true)
        #expect(pipe.drain() == "waiting\nwarning\n")
        sink.write(Array("last\n".utf8), urgent: false)
        sink.flush()
        #expect(pipe.drain() == "last\n")
    }

    @Test func textLinesHaveTimeLevelLabelMessageAndSortedFields() throws {
        let pipe = try Pipe()
        let sink = LogSink(descriptor: pipe.write)
        var logger = Logger(label: "parley") { ParleyLogHandler(label: $0, level: .info, format: .text, sink: sink) }
        logger[metadataKey: "request_id"] = "req_1"
        logger.debug("hidden")
        logger.info("request", metadata: ["status": .stringConvertible(200), "path": "/v1/translate", "caller": "a b", "quote": "say \"hi\"", "empty": ""])
        sink.flush()
        let line = pipe.drain()
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info parley: request caller="a b" empty="" path=/v1/translate quote="say \\"hi\\"" request_id=req_1 status=200\n$/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test func jsonLinesAreOneObjectEach() throws {
        let pipe = try Pipe()
        let sink = LogSink(descriptor: pipe.write)
        var logger = Logger(label: "parley") { ParleyLogHandler(label: $0, level: .info, format: .json, sink: sink) }
        logger[metadataKey: "request_id"] = "req_1"
        logger.info("request", metadata: ["status": .stringConvertible(200), "text": "line\nbreak \u{1}"])
        logger.warning("second")
        let lines = pipe.drain().split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        #expect(first["msg"] == "request" && first["level"] == "info" && first["label"] == "parley")
        #expect(first["request_id"] == "req_1" && first["status"] == "200" && first["text"] == "line\nbreak \u{1}")
        #expect(first["ts"]?.hasSuffix("Z") == true)
    }

    /// The access log's shortcut writes the line swift-log's path writes for the same fields,
    /// the request's own metadata merged in key order (and overridden by the line's fields).
    @Test(arguments: [ParleyLogHandler.Format.text, .json])
    func theAccessLogShortcutWritesWhatSwiftLogWrites(_ format: ParleyLogHandler.Format) throws {
        let pipe = try Pipe()
        let sink = LogSink(descriptor: pipe.write)
        var handler = ParleyLogHandler(label: "parley", level: .info, format: format, sink: sink)
        handler[metadataKey: "request_id"] = "req_1"
        handler[metadataKey: "key"] = "ana"
        handler[metadataKey: "status"] = "overridden"
        handler[metadataKey: "a"] = "first"
        let fields: [(key: String, value: String)] = [("caller", "ana b"), ("path", "/v1/t"), ("status", "200"), ("z", "")]
        handler.logInfo("request", sortedFields: fields)
        Logger(label: "parley") { _ in handler }.info("request", metadata: Logger.Metadata(uniqueKeysWithValues: fields.map { ($0.key, .string($0.value)) }))
        var quiet = handler
        quiet.logLevel = .warning
        quiet.logInfo("request", sortedFields: fields)
        sink.flush()
        // The timestamps may differ by a millisecond; everything after them may not.
        let lines = pipe.drain().split(separator: "\n").map { line in
            format == .text ? String(line.drop { $0 != " " }) : String(line.split(separator: ",").dropFirst().joined(separator: ","))
        }
        #expect(lines.count == 2)
        #expect(lines.first == lines.last)
        if format == .text {
            #expect(lines.first == #" info parley: request a=first caller="ana b" key=ana path=/v1/t request_id=req_1 status=200 z="""#)
        }
    }

    @Test func theAccessLogNamesTheCallerAndTheRequest() async throws {
        let pipe = try Pipe()
        let sink = LogSink(descriptor: pipe.write)
        let logger = Logger(label: "parley") { ParleyLogHandler(label: $0, level: .info, format: .text, sink: sink) }
        let service = try TestService(logger: logger)
        let (_, key) = try await service.key([.translate])
        try await service.test { client in
            _ = try await client.execute(uri: "/v1/languages", method: .get, headers: [.authorization: "Bearer \(key)", .requestID: "trace-1"])
            _ = try await client.execute(uri: "/v1/languages", method: .get)
        }
        sink.flush()
        let lines = pipe.drain().split(separator: "\n").filter { $0.contains(" request ") || $0.contains(": request") }
        #expect(lines.count == 2)
        #expect(lines.first?.contains("caller=test") == true)
        #expect(lines.first?.contains("request_id=trace-1") == true)
        #expect(lines.first?.contains("route=/v1/languages") == true && lines.first?.contains("status=200") == true)
        #expect(lines.last?.contains("caller=anonymous") == true)
    }

    @Test func requestIDsAreUniqueAndWellFormed() {
        let ids = (0..<1_000).map { _ in RequestID.makeID() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.hasPrefix("req_") && id.utf8.count == 36)
            #expect(RequestID.isAcceptable(id))
        }
    }

    @Test(arguments: [(Duration.microseconds(412), "0.412"), (.milliseconds(12), "12.000"), (.seconds(2) + .microseconds(5), "2000.005"), (.zero, "0.000")])
    func durationsAreMillisecondsWithThreeDecimals(_ duration: Duration, _ text: String) {
        #expect(AccessLog.milliseconds(duration) == text)
    }
}
