#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import ServiceConfiguration
import Synchronization

/// Sets up swift-log once per process from the `log` configuration: ``ParleyLogHandler``
/// writing `text` or `json` lines on standard error, at the configured level. `parley serve`
/// and the benchmark harness both start here, so the benchmarks pay for the same access log
/// as production.
public enum LoggingBootstrap {
    private static let done = Mutex(false)

    /// Writes log lines still waiting to be written (``LogSink`` batches them briefly).
    public static func flush() {
        LogSink.standardError.flush()
    }

    public static func bootstrap(_ settings: LogSettings) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        // Lines waiting in the sink are written when the process exits normally.
        atexit { LogSink.standardError.flush() }
        let level = Logger.Level(rawValue: settings.level) ?? .info
        let format = ParleyLogHandler.Format(rawValue: settings.format) ?? .text
        LoggingSystem.bootstrap { label in ParleyLogHandler(label: label, level: level, format: format) }
    }
}
