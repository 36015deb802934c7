/// Runs work against a deadline: whichever comes first, the result or the deadline.
enum Deadline {
    /// Runs `operation` and returns its result, or throws ``BackendError/timeout`` at
    /// `deadline` after cancelling it. Cancelling the caller cancels the operation the same way.
    static func run<T: Sendable>(
        until deadline: ContinuousClock.Instant,
        _ operation: @escaping @Sendable () async throws(BackendError) -> T
    ) async throws(BackendError) -> T {
        let outcome = await withTaskGroup(of: Result<T, BackendError>?.self) { group in
            group.addTask {
                do throws(BackendError) {
                    return .success(try await operation())
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                // Returns nil at the deadline, or when cancelled because the work finished.
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(.timeout)
        }
        return try outcome.get()
    }

    /// The instant `timeout` from now.
    static func after(_ timeout: Duration) -> ContinuousClock.Instant {
        ContinuousClock.now.advanced(by: timeout)
    }
}
