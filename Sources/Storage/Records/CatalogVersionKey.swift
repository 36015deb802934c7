/// A namespace in one language: what a catalog version (the served document's ETag input) is kept for.
public struct CatalogVersionKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var namespace: String
    public var language: String

    public init(namespace: String, language: String) {
        self.namespace = namespace
        self.language = language
    }

    public static func < (lhs: CatalogVersionKey, rhs: CatalogVersionKey) -> Bool {
        (lhs.namespace, lhs.language) < (rhs.namespace, rhs.language)
    }

    public var description: String { "\(language)/\(namespace)" }
}
