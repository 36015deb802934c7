/// The catalog half of the store: UI strings per key and language, their states, revisions and
/// history, and a version per namespace and language that bumps on every change (``ParleyStore``
/// refines it). The Catalogs module's `CatalogService` is the intended caller.
public protocol CatalogStore: Sendable {
    /// Entries, filtered by namespace and/or language, ordered by namespace, language, position, key.
    func catalogEntries(namespace: String?, language: String?) async throws -> [CatalogEntryRecord]
    /// One entry, obsolete or not.
    func catalogEntry(_ id: CatalogEntryID) async throws -> CatalogEntryRecord?
    /// The history of one entry, oldest first.
    func catalogHistory(_ id: CatalogEntryID) async throws -> [CatalogRevisionRecord]
    /// Language code → version of `namespace` (languages never changed are absent).
    func catalogVersions(namespace: String) async throws -> [String: Int]
    /// Whether the store holds no catalog entry at all (first start).
    func catalogIsEmpty() async throws -> Bool
    /// Applies all mutations in one transaction, or none (``CatalogConflictError``) when an
    /// entry's revision moved. Bumps the version of every touched namespace and language.
    func applyCatalogMutations(_ mutations: [CatalogMutation]) async throws
}
