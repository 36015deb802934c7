import Languages

/// The value of one catalog key: a plain string, the forms of a plural group
/// (`count_one`, `count_other` in the file) in file order, or a fixed value.
public enum CatalogValue: Sendable, Hashable {
    case text(String)
    case plural([PluralForm])
    /// A boolean, number or null, as its JSON text (`true`): not translated, the same in every
    /// language (protoimsg's `atproto` namespace is `{"placeholder": true}`).
    case literal(String)

    public var isPlural: Bool {
        if case .plural = self { return true }
        return false
    }

    public var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }

    /// Every translatable string in the value (the text, or each form; none for a fixed value).
    public var strings: [String] {
        switch self {
        case .text(let text): [text]
        case .plural(let forms): forms.map(\.text)
        case .literal: []
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
        case .literal(let json): json
        }
    }

    /// How the store keeps it: the text, or the forms as a one-line JSON object in order.
    public var encoded: String {
        switch self {
        case .text(let text): text
        case .plural(let forms): CatalogJSONWriter.compact(forms.map { ($0.category.rawValue, $0.text) })
        case .literal(let json): json
        }
    }

    /// A fixed value from its JSON text (`true`, `-1.5`, `null`); `nil` for anything else.
    public static func literal(parsing json: String) -> CatalogValue? {
        guard let members = try? CatalogJSONParser.parse(Array("{\"v\":\(json)}".utf8), fileName: "value"),
              members.count == 1, case .literal(let text) = members[0].value else { return nil }
        return .literal(text)
    }

    /// Decodes what ``encoded`` produced; `nil` when a plural encoding is unreadable.
    public static func decode(_ encoded: String, isPlural: Bool, isLiteral: Bool = false) -> CatalogValue? {
        if isLiteral { return .literal(encoded) }
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
