/// Background work kept in the store — pre-translation jobs, webhook deliveries — so that each
/// item runs exactly once across every instance on the store, and survives the restart or
/// death of the instance running it (``ParleyStore`` refines it).
///
/// An instance *claims* an item for a lease; while it works it renews the lease (saving
/// progress); when it is done it *releases* the item as finished, or back to the queue until a
/// later time (a retry). A claim whose lease ran out — its instance died or hung — is free to be
/// claimed again, and the old owner's renewals and release are then refused, so two instances
/// never both finish one item. On PostgreSQL claims use `FOR UPDATE SKIP LOCKED` and the
/// database's clock; on SQLite the write lock serializes them.
public protocol WorkQueueStore: Sendable {
    /// Saves a new item; `false` (and nothing changes) when an item with its id exists — which
    /// is how an event two instances noticed becomes one delivery.
    func enqueueWork(_ item: WorkItemRecord) async throws -> Bool
    /// Claims the next due item of one of `kinds` for `owner` until `lease` from now: the
    /// longest-waiting queued item whose `runAfter` has come, or a running one whose lease
    /// expired. Counts an attempt. `nil` when there is none.
    func claimWork(kinds: [String], owner: String, lease: Duration) async throws -> WorkItemRecord?
    /// Extends `owner`'s lease by `lease` from now and stores `progress` (when given);
    /// `false` when `owner` no longer holds the item.
    func renewWork(id: String, owner: String, lease: Duration, progress: String?) async throws -> Bool
    /// Ends `owner`'s claim; `false` when `owner` no longer holds the item (nothing changes).
    func releaseWork(id: String, owner: String, as release: WorkRelease) async throws -> Bool
    /// One item, finished or not.
    func workItem(id: String) async throws -> WorkItemRecord?
    /// How many items of `kinds` are queued or running.
    func unfinishedWorkCount(kinds: [String]) async throws -> Int

    /// Deletes finished (completed or failed) items that finished more than `age` ago and
    /// returns how many; queued and running items are never touched. Keeps the table the size
    /// of recent work, since every catalog change queues a webhook delivery.
    func pruneFinishedWork(olderThan age: Duration) async throws -> Int
}

/// How a claim ends.
public enum WorkRelease: Sendable, Hashable {
    /// Done for good: `completed` or `failed`, with the handler's result (JSON) and reason.
    case finished(WorkItemRecord.State, result: String?, reason: String?)
    /// Back in the queue, not to be claimed before `after` has passed.
    case retry(after: Duration, reason: String?)
}

extension Duration {
    /// Seconds as a `Double` (for leases and run-after times in the store).
    var storeSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
