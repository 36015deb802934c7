internal import CParleyICU

/// CLDR plural rules for one locale, computed by the system ICU — never by a hand-written table.
///
/// ```swift
/// let rules = PluralRules(locale: "ar")
/// rules.categories(.cardinal)        // [.zero, .one, .two, .few, .many, .other]
/// rules.category(for: 11)            // .many
/// rules.category(for: "1.0")         // decimal with a visible fraction digit
/// ```
///
/// Works for any locale ICU knows (`pl`, `cy`, …), not only Parley's eight languages.
public struct PluralRules: Sendable, Hashable {
    /// The ICU locale identifier, e.g. `"ga"`.
    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// The categories the language distinguishes, in CLDR order (zero … other).
    /// An unknown locale falls back, as ICU does, to the root rules (`other` only).
    public func categories(_ type: PluralRuleType = .cardinal) -> [PluralCategory] {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = parley_plural_categories(locale, type.icuValue, &buffer, Int32(buffer.count))
        guard length >= 0 else { return [.other] }
        let text = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.split(separator: " ").compactMap { PluralCategory(rawValue: String($0)) }.sorted()
    }

    /// The category of an integer.
    public func category(for number: Int, _ type: PluralRuleType = .cardinal) -> PluralCategory {
        category(for: String(number), type) ?? .other
    }

    /// The category of a decimal number written as text (`"1.5"`, `"2.00"`); visible fraction
    /// digits matter, as in CLDR. Returns `nil` when `number` is not a plain decimal.
    public func category(for number: String, _ type: PluralRuleType = .cardinal) -> PluralCategory? {
        guard Self.isPlainDecimal(number) else { return nil }
        var buffer = [CChar](repeating: 0, count: 32)
        let length = parley_plural_select(locale, type.icuValue, number, &buffer, Int32(buffer.count))
        guard length > 0 else { return nil }
        let name = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return PluralCategory(rawValue: name)
    }

    /// A representative number for each category the language uses (the smallest non-negative
    /// integer in that category, or a decimal when no integer falls there), e.g. for showing a
    /// translator which form is which or for choosing the source form in pre-translation.
    public func exampleNumbers(_ type: PluralRuleType = .cardinal) -> [PluralCategory: String] {
        var examples: [PluralCategory: String] = [:]
        let wanted = Set(categories(type))
        var candidates = (0...1_000).map(String.init) + ["1000000", "2000000"]
        candidates += ["0.5", "1.5", "0.0", "1.0", "2.5"]
        for candidate in candidates where examples.count < wanted.count {
            if let category = category(for: candidate, type), wanted.contains(category), examples[category] == nil {
                examples[category] = candidate
            }
        }
        return examples
    }

    private static func isPlainDecimal(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 18 }) else { return false }
        return parts.allSatisfy { $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}
