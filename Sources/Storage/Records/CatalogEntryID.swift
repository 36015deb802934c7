/// Namespace, key and language: what identifies a catalog entry.
public struct CatalogEntryID: Sendable, Hashable, CustomStringConvertible {
    public var namespace: String
    public var key: String
    public var language: String

    public init(namespace: String, key: String, language: String) {
        self.namespace = namespace
        self.key = key
        self.language = language
    }

    public var description: String { "\(language)/\(namespace):\(key)" }
}
