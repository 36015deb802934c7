import Logging
import ParleyServer
import ServiceConfiguration
import Synchronization

/// Sets up swift-log once per process from the `log` configuration.
enum LoggingBootstrap {
    private static let done = Mutex(false)

    static func bootstrap(_ settings: LogSettings) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let level = Logger.Level(rawValue: settings.level) ?? .info
        if settings.format == "json" {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
