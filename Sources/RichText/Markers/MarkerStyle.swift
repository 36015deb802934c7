/// The look of the markers put into the one string sent for translation.
///
/// Both styles are plain ASCII with a decimal number, because machine-translation vocabularies
/// (NLLB's and Argos' SentencePiece models) have ASCII punctuation and copy numbers, while rarer
/// brackets such as `⟦⟧` can come back as unknown tokens. Reading the output is tolerant: white
/// space inside a marker, letter case, and digits of other scripts (`٣`) are accepted, since the
/// number still says which marker it is.
public enum MarkerStyle: String, Sendable, Hashable, CaseIterable {
    /// XLIFF-like inline codes: `<x0/>` for a protected span, `<g1>…</g1>` around formatting.
    /// HTML-aware servers (LibreTranslate's html format) keep them as markup.
    case xml
    /// Bracketed numbers: `[0]` for a protected span, `[1]…[/1]` around formatting.
    case brackets

    /// The placeholder that stands for protected span `id`.
    func placeholder(_ id: Int) -> String {
        switch self {
        case .xml: "<x\(id)/>"
        case .brackets: "[\(id)]"
        }
    }

    /// The marker opening formatting span `id`.
    func open(_ id: Int) -> String {
        switch self {
        case .xml: "<g\(id)>"
        case .brackets: "[\(id)]"
        }
    }

    /// The marker closing formatting span `id`.
    func close(_ id: Int) -> String {
        switch self {
        case .xml: "</g\(id)>"
        case .brackets: "[/\(id)]"
        }
    }

    /// The characters markers are made of; more of them in the output than in the source text
    /// means a marker was mangled beyond recognition.
    var syntaxCharacters: Set<Unicode.Scalar> {
        switch self {
        case .xml: ["<", ">"]
        case .brackets: ["[", "]"]
        }
    }
}
