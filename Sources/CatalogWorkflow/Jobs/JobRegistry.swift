import Foundation
import Logging
import ServiceLifecycle
import Storage
import Synchronization

/// Runs background work kept in the store (``Storage/WorkQueueStore``), so that a job runs
/// exactly once across every instance on one store and outlives the instance that started it.
///
/// ``enqueue(_:)`` saves an item and looks for work at once; run as a service, the registry
/// also looks every `pollInterval`, which is how an item queued by another instance, or left
/// behind by one that died (its lease ran out), is picked up here. Each claimed item runs its
/// kind's handler (``register(kind:handler:)``) while a heartbeat renews the lease every third
/// of it, saving the progress the handler reported; a heartbeat the store refuses (the lease
/// was lost to another instance) cancels the handler, and its release is refused too, so an
/// item never finishes twice. A handler that asks for a retry is woken here when it is due.
///
/// ```swift
/// let jobs = JobRegistry(store: store)
/// jobs.register(kind: "catalog.pretranslate") { item, progress in … return .finished(.completed, result: json, reason: nil) }
/// _ = try await jobs.enqueue(WorkItemRecord(id: "job_…", kind: "catalog.pretranslate", payload: json, requestedBy: "admin"))
/// ```
public actor JobRegistry: Service {
    /// Does one item; `progress` records JSON the next heartbeat saves. Returns how the claim ends.
    public typealias Handler = @Sendable (_ item: WorkItemRecord, _ progress: @escaping @Sendable (String) -> Void) async -> WorkRelease

    public nonisolated let store: any WorkQueueStore
    /// This instance in the store's `owner` column.
    public nonisolated let owner: String
    public nonisolated let lease: Duration
    public nonisolated let pollInterval: Duration
    public nonisolated let maxConcurrent: Int
    /// How long finished items stay readable (`GET …/jobs/{id}`) before the store forgets them.
    public nonisolated let retention: Duration
    nonisolated let logger: Logger
    private nonisolated let handlers = Mutex<[String: Handler]>([:])
    private var running: [String: Task<Void, Never>] = [:]
    private var pumping = false
    private var pumpAgain = false

    public init(
        store: any WorkQueueStore, owner: String = "inst_" + UUID().uuidString.prefix(8).lowercased(), lease: Duration = .seconds(30),
        pollInterval: Duration = .seconds(1), maxConcurrent: Int = 2, retention: Duration = .seconds(7 * 24 * 3600),
        logger: Logger = Logger(label: "parley.jobs")
    ) {
        self.store = store
        self.owner = owner
        self.lease = lease
        self.pollInterval = pollInterval
        self.maxConcurrent = max(1, maxConcurrent)
        self.retention = retention
        self.logger = logger
    }

    /// Sets the handler of `kind`; only registered kinds are claimed by this instance.
    public nonisolated func register(kind: String, handler: @escaping Handler) {
        handlers.withLock { $0[kind] = handler }
        Task { await self.pump() }
    }

    /// Saves `item` (`false`: one with its id exists) and starts looking for work.
    public func enqueue(_ item: WorkItemRecord) async throws -> Bool {
        let added = try await store.enqueueWork(item)
        pump()
        return added
    }

    /// The item `id` as the store has it (whichever instance runs or ran it).
    public func item(_ id: String) async throws -> WorkItemRecord? {
        try await store.workItem(id: id)
    }

    /// Waits until `id` is finished or gone (tests, shutdown).
    public func wait(_ id: String, timeout: Duration = .seconds(60)) async {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let item = try? await store.workItem(id: id), !item.isFinished {
                try? await Task.sleep(for: .milliseconds(20))
                continue
            }
            return
        }
    }

    /// Looks for work every `pollInterval` until graceful shutdown; running items are then
    /// left to their leases (another instance, or this one restarted, resumes them). Once an
    /// hour it deletes items finished longer than `retention` ago.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var pruned = ContinuousClock.now - .seconds(3600)
            while !Task.isCancelled {
                await self.pump()
                if pruned.duration(to: .now) >= .seconds(3600) {
                    pruned = .now
                    await self.prune()
                }
                do { try await Task.sleep(for: self.pollInterval) } catch { return }
            }
        }
        for task in running.values { task.cancel() }
    }

    /// Deletes old finished items (every instance may; the delete is idempotent).
    func prune() async {
        do {
            let count = try await store.pruneFinishedWork(olderThan: retention)
            if count > 0 { logger.info("pruned finished work", metadata: ["count": "\(count)"]) }
        } catch {
            logger.warning("could not prune finished work", metadata: ["error": "\(error)"])
        }
    }

    /// Claims and starts items while slots are free. Re-entrant calls fold into the running one.
    func pump() {
        guard !pumping else {
            pumpAgain = true
            return
        }
        pumping = true
        Task { await self.drainQueue() }
    }

    private func drainQueue() async {
        repeat {
            pumpAgain = false
            let kinds = handlers.withLock { Array($0.keys) }.sorted()
            while running.count < maxConcurrent, !kinds.isEmpty {
                let claimed: WorkItemRecord?
                do {
                    claimed = try await store.claimWork(kinds: kinds, owner: owner, lease: lease)
                } catch {
                    logger.warning("could not claim work", metadata: ["error": "\(error)"])
                    claimed = nil
                }
                guard let item = claimed else { break }
                start(item)
            }
        } while pumpAgain
        pumping = false
    }

    private func start(_ item: WorkItemRecord) {
        guard let handler = handlers.withLock({ $0[item.kind] }) else { return }
        let store = store, owner = owner, lease = lease, logger = logger
        logger.info("work claimed", metadata: ["id": "\(item.id)", "kind": "\(item.kind)", "attempt": "\(item.attempts)"])
        running[item.id] = Task {
            let latest = LatestProgress()
            let work = Task { await handler(item, { progress in latest.set(progress) }) }
            let heartbeat = Task {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: lease / 3) } catch { return }
                    let progress = latest.value
                    if (try? await store.renewWork(id: item.id, owner: owner, lease: lease, progress: progress)) == false {
                        logger.warning("work lease lost; stopping", metadata: ["id": "\(item.id)"])
                        work.cancel()
                        return
                    }
                }
            }
            let release = await work.value
            heartbeat.cancel()
            var outcome = release
            if case .finished(let state, let result, let reason) = release, let progress = latest.value, result == nil {
                // A handler that only reported progress: keep its last report as the result.
                outcome = .finished(state, result: progress, reason: reason)
            }
            if !work.isCancelled {
                _ = try? await store.renewWork(id: item.id, owner: owner, lease: lease, progress: latest.value)
                if (try? await store.releaseWork(id: item.id, owner: owner, as: outcome)) != true {
                    logger.warning("work finished after its lease was lost; the other claim stands", metadata: ["id": "\(item.id)"])
                }
            }
            await self.finished(item.id, release: outcome)
        }
    }

    private func finished(_ id: String, release: WorkRelease) {
        running[id] = nil
        if case .retry(let after, _) = release {
            Task {
                try? await Task.sleep(for: after)
                await self.pump()
            }
        }
        pump()
    }
}

/// The last progress a handler reported, shared by it and its heartbeat.
private final class LatestProgress: Sendable {
    private let stored = Mutex<String?>(nil)
    var value: String? { stored.withLock { $0 } }
    func set(_ progress: String) { stored.withLock { $0 = progress } }
}
