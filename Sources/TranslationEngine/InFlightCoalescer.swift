import Synchronization

/// Runs identical in-flight work once: the first caller with a key starts it, every caller
/// with the same key while it runs waits for the same result.
final class InFlightCoalescer<Value: Sendable>: Sendable {
    private let inFlight = Mutex<[String: Task<Value, Never>]>([:])
    let onCoalesced: @Sendable () -> Void

    init(onCoalesced: @escaping @Sendable () -> Void = {}) {
        self.onCoalesced = onCoalesced
    }

    func run(key: String, _ work: @escaping @Sendable () async -> Value) async -> Value {
        let (task, joined) = inFlight.withLock { tasks -> (Task<Value, Never>, Bool) in
            if let existing = tasks[key] { return (existing, true) }
            let task = Task { await work() }
            tasks[key] = task
            return (task, false)
        }
        if joined {
            onCoalesced()
            return await task.value
        }
        let value = await task.value
        inFlight.withLock { tasks in tasks[key] = nil }
        return value
    }

    /// Work currently running.
    var count: Int { inFlight.withLock { $0.count } }
}
