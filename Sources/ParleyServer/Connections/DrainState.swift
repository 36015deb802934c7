import Synchronization

/// Whether the server is shutting down: set when SIGTERM arrives, read by `/readyz`, which then
/// answers 503 `draining` while requests are still served, so load balancers move traffic
/// away before the listener closes.
public final class DrainState: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    public var isDraining: Bool { draining.load(ordering: .relaxed) }

    func begin() { draining.store(true, ordering: .relaxed) }
}
