import Synchronization

/// Hands every ``StoreChange`` to every current subscriber, each through its own stream (a
/// slow subscriber keeps only the newest few changes; they are hints to re-read, so dropping
/// repeats loses nothing).
final class StoreChangeBroadcaster: Sendable {
    private let subscribers = Mutex<[Int: AsyncStream<StoreChange>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    /// A new stream of the changes from now on; it ends when the store closes.
    func subscribe() -> AsyncStream<StoreChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .bufferingNewest(8))
        let id = nextID.add(1, ordering: .relaxed).newValue
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    var hasSubscribers: Bool { subscribers.withLock { !$0.isEmpty } }

    func yield(_ change: StoreChange) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(change) }
    }

    /// Ends every stream.
    func finish() {
        for continuation in subscribers.withLock({ subscribers in defer { subscribers.removeAll() }; return Array(subscribers.values) }) {
            continuation.finish()
        }
    }
}
