import Languages

/// The value of one catalog key: a plain string, or the forms of a plural group
/// (`count_one`, `count_other` in the file) in file order.
public enum CatalogValue: Sendable, Hashable {
    case text(String)
    case plural([PluralForm])

    public var isPlural: Bool {
        if case .plural = self { return true }
        return false
    }

    /// Every string in the value (the text, or each form).
    public var strings: [String] {
        switch self {
        case .text(let text): [text]
        case .plural(let forms): forms.map(\.text)
        }
    }

    /// The form for `category`, if this is a plural group that has it.
    public func form(_ category: PluralCategory) -> String? {
        guard case .plural(let forms) = self else { return nil }
        return forms.first { $0.category == category }?.text
    }

    /// The text that stands for the whole value: the text itself, or the `other` form.
    public var representative: String {
        switch self {
        case .text(let text): text
        case .plural(let forms): forms.first { $0.category == .other }?.text ?? forms.last?.text ?? ""
        }
    }

    /// How the store keeps it: the text, or the forms as a one-line JSON object in order.
    public var encoded: String {
        switch self {
        case .text(let text): text
        case .plural(let forms): CatalogJSONWriter.compact(forms.map { ($0.category.rawValue, $0.text) })
        }
    }

    /// Decodes what ``encoded`` produced; `nil` when a plural encoding is unreadable.
    public static func decode(_ encoded: String, isPlural: Bool) -> CatalogValue? {
        guard isPlural else { return .text(encoded) }
        guard let members = try? CatalogJSONParser.parse(Array(encoded.utf8), fileName: "forms") else { return nil }
        var forms: [PluralForm] = []
        for member in members {
            guard case .string(let text) = member.value, let category = PluralCategory(rawValue: member.key) else { return nil }
            forms.append(PluralForm(category, text))
        }
        return .plural(forms)
    }

    /// This value adapted to `categories`: a plural group keeps the forms it has and fills the
    /// others with the form of the category a representative number of that category falls
    /// into in `sourceRules` (used to fall back from English to an Arabic plural, say).
    func adapted(to categories: [PluralCategory], language: PluralRules, sourceRules: PluralRules) -> CatalogValue {
        guard case .plural(let forms) = self else { return self }
        let examples = PluralExamples.of(language)
        var mapped: [PluralForm] = []
        for category in categories {
            if let text = forms.first(where: { $0.category == category })?.text {
                mapped.append(PluralForm(category, text))
                continue
            }
            let number = examples[category] ?? "100"
            let sourceCategory = sourceRules.category(for: number) ?? .other
            let text = forms.first { $0.category == sourceCategory }?.text ?? representative
            mapped.append(PluralForm(category, text))
        }
        return .plural(mapped)
    }
}
