/// One key of a catalog document with its value; `key` is the dotted path (`members.count`).
public struct CatalogItem: Sendable, Hashable {
    public var key: String
    public var value: CatalogValue

    public init(key: String, value: CatalogValue) {
        self.key = key
        self.value = value
    }
}
