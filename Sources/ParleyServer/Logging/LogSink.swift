import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where Parley's log lines go: standard error, written in batches.
///
/// The access log writes a line per request, and a `write(2)` per line costs as much as a
/// good part of a cached translation. Lines are gathered for at most ``delay`` and written
/// together; a notice or worse, and a full buffer, are written at once, and
/// ``flush()`` (called at exit and when `parley serve` stops) writes whatever is left.
/// Lines keep their order and are never split.
final class LogSink: Sendable {
    static let standardError = LogSink(descriptor: 2)

    /// Longest a line waits before it is written.
    static let delay: DispatchTimeInterval = .milliseconds(5)
    /// Written at once when this many bytes are waiting.
    static let bufferLimit = 64 * 1024

    private let descriptor: Int32
    private let pending = Mutex<(bytes: [UInt8], flushScheduled: Bool)>(([], false))
    /// Held while taking and writing a batch, so batches reach the file in order.
    private let writing = Mutex(())
    private let queue = DispatchQueue(label: "parley.log-sink")

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Queues one finished line (ending in a newline); `urgent` writes it (and everything
    /// before it) now. Notices, warnings and errors are urgent; the access log is not.
    func write(_ line: [UInt8], urgent: Bool) {
        enum Next { case nothing, schedule, flushNow }
        let next = pending.withLock { state -> Next in
            state.bytes.append(contentsOf: line)
            if urgent || state.bytes.count >= Self.bufferLimit { return .flushNow }
            if state.flushScheduled { return .nothing }
            state.flushScheduled = true
            return .schedule
        }
        switch next {
        case .nothing: break
        case .schedule: queue.asyncAfter(deadline: .now() + Self.delay) { self.flush() }
        case .flushNow: flush()
        }
    }

    /// Writes every waiting line.
    func flush() {
        writing.withLock { _ in
            let batch = pending.withLock { state -> [UInt8] in
                state.flushScheduled = false
                defer { state.bytes.removeAll(keepingCapacity: true) }
                return state.bytes
            }
            batch.withUnsafeBufferPointer(writeAll)
        }
    }

    private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

/// `write(2)`, under a name the sink's own `write` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
