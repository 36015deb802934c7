import Languages

/// One form of a plural group: the CLDR category and its text (`one`: "{{count}} member").
public struct PluralForm: Sendable, Hashable, Codable {
    public var category: PluralCategory
    public var text: String

    public init(_ category: PluralCategory, _ text: String) {
        self.category = category
        self.text = text
    }
}
