/// A CLDR plural category. Which of them a language uses comes from ICU (``PluralRules``).
public enum PluralCategory: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case zero, one, two, few, many, other

    /// CLDR's canonical order (zero, one, two, few, many, other), used wherever forms are listed.
    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        guard let l = allCases.firstIndex(of: lhs), let r = allCases.firstIndex(of: rhs) else { return false }
        return l < r
    }
}

/// Cardinal ("3 messages") or ordinal ("3rd message") plural rules.
public enum PluralRuleType: String, Sendable, Codable, Hashable {
    case cardinal, ordinal

    var icuValue: Int32 { self == .ordinal ? 1 : 0 }
}
