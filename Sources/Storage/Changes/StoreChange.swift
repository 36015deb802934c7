/// Something in the store changed that instances keep copies of in memory; read from
/// ``ParleyStore/changes()``.
///
/// On PostgreSQL every instance (and the CLI) announces its committed changes with
/// `NOTIFY parley_changes` in the writing transaction, so all instances hear of them at once.
public enum StoreChange: String, Sendable, Hashable {
    /// An API key was created or revoked: remembered key verdicts are stale.
    case keys
    /// A catalog entry changed: namespace versions moved.
    case catalog
    /// Cached translations were purged: memory layers should forget theirs.
    case cache
    /// Changes may have been missed (the notification connection was down, or has just come
    /// back): treat everything as changed.
    case resync
}
