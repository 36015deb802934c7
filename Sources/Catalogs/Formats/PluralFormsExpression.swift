import Languages

/// A gettext `Plural-Forms` expression derived from ICU's CLDR rules, so that `msgstr[i]` is
/// the i-th CLDR category of the language (zero, one, two, few, many, other order).
///
/// Derivation: the category of every integer below 2 000 and of 1 000 000 and 2 000 000 comes
/// from ICU; above 200 the categories must repeat with `n % 100` (true for CLDR integer rules
/// except the "millions" rule of Spanish and its relatives, detected separately); small numbers
/// that differ from that pattern become exact cases. Each category's residues are written with
/// `n % 10` where possible (`n%10==1 && n%100!=11`).
public struct PluralFormsExpression: Sendable {
    indirect enum Condition: Sendable {
        case values(Variable, [ClosedRange<Int>])
        case and(Condition, Condition)
        case or(Condition, Condition)
        case not(Condition)
        case nonZeroMillion
    }

    enum Variable: String, Sendable {
        case n = "n", mod10 = "n%10", mod100 = "n%100"
    }

    public let categories: [PluralCategory]
    let branches: [(Condition, Int)]
    let defaultIndex: Int

    /// The expression for `language`.
    public init(language: Language) {
        self.init(rules: language.plurals)
    }

    init(rules: PluralRules) {
        let categories = rules.categories(.cardinal)
        self.categories = categories
        func index(_ n: Int) -> Int { categories.firstIndex(of: rules.category(for: n)) ?? categories.count - 1 }
        let periodic = (0..<100).map { index(1_000 + $0) }
        var exceptions: [(Int, Int)] = []
        for n in 0..<2_000 where index(n) != periodic[n % 100] { exceptions.append((n, index(n))) }
        var branches: [(Condition, Int)] = []
        // Exact cases, consecutive numbers with the same index merged.
        var runs: [(ClosedRange<Int>, Int)] = []
        for (n, i) in exceptions {
            if let last = runs.last, last.1 == i, last.0.upperBound == n - 1 { runs[runs.count - 1].0 = last.0.lowerBound...n } else { runs.append((n...n, i)) }
        }
        for (range, i) in runs { branches.append((.values(.n, [range]), i)) }
        if index(1_000_000) != periodic[0], index(1_000_000) == index(2_000_000) {
            branches.append((.nonZeroMillion, index(1_000_000)))
        }
        var counts: [Int: Int] = [:]
        for i in periodic { counts[i, default: 0] += 1 }
        let defaultIndex = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? categories.count - 1
        for i in categories.indices where i != defaultIndex {
            let residues = Set((0..<100).filter { periodic[$0] == i })
            guard !residues.isEmpty else { continue }
            branches.append((Self.condition(for: residues), i))
        }
        self.branches = branches
        self.defaultIndex = defaultIndex
    }

    /// `nplurals=N; plural=EXPR;`
    public var header: String {
        var expression = ""
        for (condition, index) in branches { expression += "\(Self.render(condition)) ? \(index) : " }
        expression += "\(defaultIndex)"
        return "nplurals=\(categories.count); plural=\(branches.isEmpty ? expression : "(" + expression + ")");"
    }

    /// What the expression yields for `n` (the index of the category).
    public func evaluate(_ n: Int) -> Int {
        for (condition, index) in branches where Self.holds(condition, n) { return index }
        return defaultIndex
    }

    private static func condition(for residues: Set<Int>) -> Condition {
        // Try "last digit in D, except some teens; plus some extra low residues".
        let digits = (0..<10).filter { d in (20..<100).filter { $0 % 10 == d }.allSatisfy(residues.contains) }
        let high = Set((20..<100).filter { residues.contains($0) })
        if !digits.isEmpty, high == Set((20..<100).filter { digits.contains($0 % 10) }) {
            var condition: Condition = .values(.mod10, ranges(digits))
            let excluded = (0..<20).filter { digits.contains($0 % 10) && !residues.contains($0) }
            let extra = (0..<20).filter { !digits.contains($0 % 10) && residues.contains($0) }
            if !excluded.isEmpty { condition = .and(condition, .not(.values(.mod100, ranges(excluded)))) }
            if !extra.isEmpty { condition = .or(condition, .values(.mod100, ranges(extra))) }
            return condition
        }
        return .values(.mod100, ranges(residues.sorted()))
    }

    private static func ranges(_ values: [Int]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for value in values.sorted() {
            if let last = ranges.last, last.upperBound == value - 1 { ranges[ranges.count - 1] = last.lowerBound...value } else { ranges.append(value...value) }
        }
        return ranges
    }

    private static func holds(_ condition: Condition, _ n: Int) -> Bool {
        switch condition {
        case .values(let variable, let ranges):
            let value = switch variable { case .n: n; case .mod10: n % 10; case .mod100: n % 100 }
            return ranges.contains { $0.contains(value) }
        case .and(let a, let b): return holds(a, n) && holds(b, n)
        case .or(let a, let b): return holds(a, n) || holds(b, n)
        case .not(let a): return !holds(a, n)
        case .nonZeroMillion: return n != 0 && n % 1_000_000 == 0
        }
    }

    private static func render(_ condition: Condition) -> String {
        switch condition {
        case .values(let variable, let ranges):
            let parts = ranges.map { range in
                range.count == 1 ? "\(variable.rawValue)==\(range.lowerBound)" : "(\(variable.rawValue)>=\(range.lowerBound) && \(variable.rawValue)<=\(range.upperBound))"
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " || ") + ")"
        case .and(let a, let b): return "(\(render(a)) && \(render(b)))"
        case .or(let a, let b): return "(\(render(a)) || \(render(b)))"
        case .not(.values(let variable, let ranges)) where ranges.count == 1 && ranges[0].count == 1:
            return "\(variable.rawValue)!=\(ranges[0].lowerBound)"
        case .not(let a): return "!(\(render(a)))"
        case .nonZeroMillion: return "(n!=0 && n%1000000==0)"
        }
    }
}
