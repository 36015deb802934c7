/// The QA checks, each with a stable id (used in output, filters and stored findings) and a
/// severity.
///
/// Severity choices: anything that breaks rendering or meaning in the client is an error
/// (placeholders, nesting, markup, plural forms, whitespace, newlines, empty values, bidi
/// controls and isolation, Arabic punctuation, kashida); judgement calls are warnings
/// (same as source, length ratio, glossary terms, key order). Arabic punctuation and kashida are
/// errors because the catalogs' conventions forbid them outright and the shipped files obey.
public enum CatalogCheck: String, Sendable, Codable, Hashable, CaseIterable {
    /// A file that cannot be parsed or is not in the byte-stable format.
    case fileFormat = "file-format"
    /// Keys missing from or extra to the English source; plain vs plural mismatch.
    case structure
    /// Keys in a different order than the English source.
    case keyOrder = "key-order"
    /// A plural group's categories differ from the language's CLDR set (from ICU).
    case pluralForms = "plural-forms"
    /// `{{…}}` interpolations differ from the source.
    case placeholders
    /// `$t(…)` nesting differs from the source.
    case nesting
    /// `<tag>` markup differs from the source.
    case markup
    /// Leading, trailing or double spaces, tabs, spaces around line breaks.
    case whitespace
    /// A different number of line breaks than the source.
    case newlines
    case empty
    /// Identical to the English source (brand names allowed).
    case sameAsSource = "same-as-source"
    /// Much longer or shorter than the source.
    case lengthRatio = "length-ratio"
    /// A glossary term of the source whose target term is not used.
    case glossaryTerm = "glossary-term"
    /// A do-not-translate term of the source changed or missing.
    case glossaryDoNotTranslate = "glossary-dnt"
    /// LRE, RLE, PDF, LRO or RLO in an RTL value.
    case bidiControls = "bidi-controls"
    /// FSI/LRI/RLI … PDI not balanced.
    case bidiIsolates = "bidi-isolates"
    /// An interpolation or `$t()` next to RTL text not wrapped in FSI … PDI.
    case bidiInterpolation = "bidi-interpolation"
    /// Latin text (brand names, handles) in an RTL value outside an isolate.
    case bidiLatin = "bidi-latin"
    /// Latin `? , ;` in Arabic text instead of `؟ ، ؛`.
    case arabicPunctuation = "arabic-punctuation"
    /// Tatweel / kashida (U+0640).
    case kashida
    /// A glossary file problem (syntax, header, empty cell, duplicate, conflict, dnt mismatch).
    case glossaryFile = "glossary-file"

    /// The severity findings of this check have.
    public var severity: CatalogSeverity {
        switch self {
        case .sameAsSource, .lengthRatio, .glossaryTerm, .glossaryDoNotTranslate, .keyOrder: .warning
        default: .error
        }
    }
}
