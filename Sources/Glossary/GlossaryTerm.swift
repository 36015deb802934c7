import Languages

/// One concept of the glossary: its term in each language, and how to treat it.
public struct GlossaryTerm: Sendable, Hashable {
    /// The term per language (cells as written; empty cells are absent).
    public var terms: [Language: String]
    /// Do not translate: the term stays as written in every language (brand names).
    public var doNotTranslate: Bool
    /// The capitalization is part of the term (group names).
    public var caseSensitive: Bool
    public var note: String?
    /// The file and line it comes from (`protoimsg.csv:12`).
    public var origin: String

    public init(terms: [Language: String], doNotTranslate: Bool = false, caseSensitive: Bool = false, note: String? = nil, origin: String = "") {
        self.terms = terms
        self.doNotTranslate = doNotTranslate
        self.caseSensitive = caseSensitive
        self.note = note
        self.origin = origin
    }

    /// The English term.
    public var english: String { terms[.english] ?? "" }
}
