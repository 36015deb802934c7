#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// What Parley's log handlers share: a UTC timestamp with milliseconds, the merged and
/// key-sorted metadata of an event.
///
/// The access log writes a line per request, so this is on the hot path: no `Date`
/// formatting, no time-zone lookup, no Foundation file handles.
enum LogLine {
    /// `2026-11-26T23:30:00.123Z`: UTC from the real-time clock.
    static func timestamp() -> String {
        var out: [UInt8] = []
        appendTimestamp(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the timestamp straight into a line being built (the access log's lines are
    /// built as bytes; a `String` per line was measurable).
    static func appendTimestamp(to out: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); out.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); out.append(UInt8(ascii: "."))
        digits(Int(now.tv_nsec) / 1_000_000, 3); out.append(UInt8(ascii: "Z"))
    }

    /// The handler's metadata overlaid with the event's, sorted by key.
    static func fields(_ base: Logger.Metadata, _ event: Logger.Metadata?) -> [(key: String, value: Logger.MetadataValue)] {
        var fields: [(key: String, value: Logger.MetadataValue)] = []
        fields.reserveCapacity(base.count + (event?.count ?? 0))
        for (key, value) in base where event?[key] == nil { fields.append((key, value)) }
        if let event { for (key, value) in event { fields.append((key, value)) } }
        fields.sort { $0.key < $1.key }
        return fields
    }
}
