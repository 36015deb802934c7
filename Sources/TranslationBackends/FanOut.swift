/// Runs several backend exchanges of one call concurrently, each holding a permit of the
/// backend's limiter, and fails the whole call on the first failure.
enum FanOut {
    /// The results of `job(0) … job(count - 1)`, in order.
    static func map<T: Sendable>(
        _ count: Int,
        limiter: ConcurrencyLimiter,
        _ job: @escaping @Sendable (Int) async throws(BackendError) -> T
    ) async throws(BackendError) -> [T] {
        if count == 0 { return [] }
        if count == 1 {
            return [try await limiter.withPermit { () async throws(BackendError) -> T in try await job(0) }]
        }
        let outcome = await withTaskGroup(of: (Int, Result<T, BackendError>).self) { group in
            for index in 0..<count {
                group.addTask {
                    do throws(BackendError) {
                        let value = try await limiter.withPermit { () async throws(BackendError) -> T in try await job(index) }
                        return (index, .success(value))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results = [T?](repeating: nil, count: count)
            while let (index, result) = await group.next() {
                switch result {
                case .success(let value):
                    results[index] = value
                case .failure(let error):
                    group.cancelAll()
                    return Result<[T], BackendError>.failure(error)
                }
            }
            return .success(results.compactMap { $0 })
        }
        return try outcome.get()
    }
}
