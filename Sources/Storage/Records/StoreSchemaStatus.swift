/// How far a store's schema is migrated, against what this build of Parley knows
/// (`parley store check` prints it; opening a store migrates up to ``known``).
public struct StoreSchemaStatus: Sendable, Equatable, CustomStringConvertible {
    /// Migrations applied to the database (on SQLite: also ones this build does not know).
    public var applied: Int
    /// Migrations this build knows.
    public var known: Int

    public init(applied: Int, known: Int) {
        self.applied = applied
        self.known = known
    }

    /// Every migration this build knows is applied, and none it does not know.
    public var isCurrent: Bool { applied == known }
    /// A newer Parley migrated the database: this build refuses to open it.
    public var isNewer: Bool { applied > known }

    public var description: String {
        if isCurrent { return "schema version \(applied), current" }
        if isNewer { return "schema version \(applied), newer than this Parley knows (\(known))" }
        return "schema version \(applied) of \(known): \(known - applied) migration(s) pending (parley store migrate)"
    }
}
