/// A parsed i18next JSON file: objects (keys in file order), string leaves, and fixed values
/// (booleans, numbers, null) kept as their JSON text.
public indirect enum CatalogNode: Sendable, Hashable {
    case object([(key: String, value: CatalogNode)])
    case string(String)
    /// `true`, `false`, `null` or a number, exactly as written.
    case literal(String)

    public static func == (lhs: CatalogNode, rhs: CatalogNode) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.literal(let a), .literal(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let text): hasher.combine(0); hasher.combine(text)
        case .literal(let json): hasher.combine(2); hasher.combine(json)
        case .object(let members):
            hasher.combine(1)
            for member in members { hasher.combine(member.key); hasher.combine(member.value) }
        }
    }
}
