import Catalogs
import Languages

/// A catalog value in the translator API, as sent and received: `{"value":"…"}` for a plain key,
/// `{"forms":{"one":"…","other":"…"}}` for a plural group, `{"fixed":"true"}` for a fixed value
/// (a boolean, number or null as its JSON text; it must stay as the English source has it).
public struct CatalogEditValueBody: Codable, Sendable, Hashable {
    public var value: String?
    public var forms: [String: String]?
    public var fixed: String?

    public init(value: String? = nil, forms: [String: String]? = nil, fixed: String? = nil) {
        self.value = value
        self.forms = forms
        self.fixed = fixed
    }

    init(_ value: CatalogValue) {
        switch value {
        case .text(let text): self.value = text
        case .plural(let forms): self.forms = Dictionary(forms.map { ($0.category.rawValue, $0.text) }, uniquingKeysWith: { a, _ in a })
        case .literal(let json): self.fixed = json
        }
    }

    /// The catalog value, plural forms in the CLDR order of `language` (others after, so QA
    /// can name them). Throws 400 when neither or both of `value` and `forms` are given, or a
    /// form is not a CLDR category.
    func catalogValue(for language: Language) throws(APIError) -> CatalogValue {
        if let fixed {
            guard value == nil, forms == nil else {
                throw APIError.badRequest(code: "invalid_body", message: "send one of value, forms and fixed")
            }
            guard let literal = CatalogValue.literal(parsing: fixed) else {
                throw APIError.badRequest(code: "invalid_body", message: "fixed must be the JSON text of a boolean, number or null (\"true\")")
            }
            return literal
        }
        switch (value, forms) {
        case (let text?, nil):
            return .text(text)
        case (nil, let forms?):
            guard !forms.isEmpty else { throw APIError.badRequest(code: "invalid_body", message: "forms must not be empty") }
            var parsed: [PluralForm] = []
            for (name, text) in forms {
                guard let category = PluralCategory(rawValue: name) else {
                    throw APIError.badRequest(code: "invalid_body", message: "forms.\(name) is not a CLDR plural category (zero one two few many other)")
                }
                parsed.append(PluralForm(category, text))
            }
            let order = language.plurals.categories(.cardinal) + PluralCategory.allCases
            parsed.sort { (order.firstIndex(of: $0.category) ?? order.count) < (order.firstIndex(of: $1.category) ?? order.count) }
            return .plural(parsed)
        default:
            throw APIError.badRequest(code: "invalid_body", message: "send {\"value\":\"…\"} for a plain key or {\"forms\":{\"one\":\"…\",…}} for a plural group")
        }
    }
}
