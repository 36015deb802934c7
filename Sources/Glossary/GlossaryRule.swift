/// A glossary term for one language pair, as machine translation protects it (see
/// ``Glossary/rules(from:to:)`` and ``ExactTermMatcher``).
///
/// A do-not-translate term comes out as it was written in the source; a forced term comes out as
/// ``target``. Both go through the same protection as mentions: the term is replaced by a
/// placeholder before machine translation, and the placeholder by the term's output form after.
/// Terms match on word boundaries, longest first.
///
/// A ``GlossaryTerm`` is one concept in every language; a rule is that concept for one pair.
public struct GlossaryRule: Sendable, Hashable {
    /// The term in the source language.
    public var source: String
    /// The term in the target language (ignored for do-not-translate terms).
    public var target: String
    /// Keep the source form (brand names: protoimsg, Bluesky).
    public var doNotTranslate: Bool
    /// Match the letter case exactly; otherwise any case matches, and a forced target takes an
    /// initial capital when the matched text had one and the source term did not.
    public var caseSensitive: Bool

    public init(source: String, target: String, doNotTranslate: Bool = false, caseSensitive: Bool = false) {
        self.source = source
        self.target = target
        self.doNotTranslate = doNotTranslate
        self.caseSensitive = caseSensitive
    }

    /// A do-not-translate term.
    public static func keep(_ term: String, caseSensitive: Bool = true) -> GlossaryRule {
        GlossaryRule(source: term, target: term, doNotTranslate: true, caseSensitive: caseSensitive)
    }
}
