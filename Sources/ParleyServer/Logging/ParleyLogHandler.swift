import Logging

/// Parley's swift-log handler: one line per event on standard error, as text or as JSON.
///
/// - `text` (the default `log.format`):
///   `2026-11-26T23:30:00.123Z info parley: request caller=ana duration_ms=0.412 … request_id=req_…`
///   — values bare when they are one plain word, JSON-quoted otherwise.
/// - `json`: `{"ts":"…","level":"info","label":"parley","msg":"request","caller":"ana",…}`.
///
/// Metadata fields come sorted by key. Setting metadata (done twice per request: request id
/// and caller) is a plain dictionary store — nothing is formatted until a line is logged —
/// and finished lines go to a ``LogSink``, which writes them in small batches.
public struct ParleyLogHandler: LogHandler {
    public enum Format: String, Sendable {
        case text
        case json
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public let label: String
    public let format: Format
    /// Where lines go: standard error's sink, or (in tests) another descriptor's.
    let sink: LogSink

    public init(label: String, level: Logger.Level, format: Format) {
        self.init(label: label, level: level, format: format, sink: .standardError)
    }

    init(label: String, level: Logger.Level, format: Format, sink: LogSink) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        write(level: event.level, message: event.message.description, fields: LogLine.fields(metadata, event.metadata))
    }

    /// Logs an info line whose own fields are already strings, sorted by key: the access
    /// log's per-request line, which this way builds no `Logger.Metadata` dictionary and
    /// looks nothing up in one (on `parley-bench cached`, the dictionary, its merge with the
    /// request's metadata and the values' conversions were most of the access log's cost).
    /// The line is the one `log(event:)` writes for the same fields.
    func logInfo(_ message: String, sortedFields: [(key: String, value: String)]) {
        guard logLevel <= .info else { return }
        var fields: [(key: String, value: Logger.MetadataValue)] = []
        fields.reserveCapacity(metadata.count + sortedFields.count)
        for (key, value) in metadata where !sortedFields.contains(where: { $0.key == key }) { fields.append((key, value)) }
        fields.sort { $0.key < $1.key }
        // Merge the two sorted lists.
        var merged: [(key: String, value: Logger.MetadataValue)] = []
        merged.reserveCapacity(fields.count + sortedFields.count)
        var next = 0
        for field in sortedFields {
            while next < fields.count, fields[next].key < field.key {
                merged.append(fields[next])
                next += 1
            }
            merged.append((field.key, .string(field.value)))
        }
        merged += fields[next...]
        write(level: .info, message: message, fields: merged)
    }

    private func write(level: Logger.Level, message: String, fields: [(key: String, value: Logger.MetadataValue)]) {
        var line = format == .json ? jsonLine(level, message, fields) : textLine(level, message, fields)
        line.append(UInt8(ascii: "\n"))
        sink.write(line, urgent: level >= .notice)
    }

    private func textLine(_ level: Logger.Level, _ message: String, _ fields: [(key: String, value: Logger.MetadataValue)]) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(320)
        LogLine.appendTimestamp(to: &line)
        line.append(UInt8(ascii: " "))
        line += level.rawValue.utf8
        line.append(UInt8(ascii: " "))
        line += label.utf8
        line += ": ".utf8
        line += message.utf8
        for (key, value) in fields {
            line.append(UInt8(ascii: " "))
            line += key.utf8
            line.append(UInt8(ascii: "="))
            if case .string(let text) = value {
                Self.appendValue(text, to: &line)
            } else {
                Self.appendValue(value.description, to: &line)
            }
        }
        return line
    }

    private func jsonLine(_ level: Logger.Level, _ message: String, _ fields: [(key: String, value: Logger.MetadataValue)]) -> [UInt8] {
        var json = JSONWriter(capacity: 320)
        json.beginObject()
        json.key("ts"); json.value(LogLine.timestamp())
        json.key("level"); json.value(level.rawValue)
        json.key("label"); json.value(label)
        json.key("msg"); json.value(message)
        for (key, value) in fields {
            json.key(key); json.value(value.description)
        }
        json.endObject()
        return json.bytes
    }

    /// A text-format value: bare when it is one plain word, else JSON-quoted.
    static func appendValue(_ text: String, to line: inout [UInt8]) {
        let plain = !text.isEmpty && text.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7f && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "\\")
        }
        if plain {
            line += text.utf8
        } else {
            JSONWriter.appendQuoted(text, to: &line)
        }
    }
}
