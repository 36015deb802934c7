import Languages

extension Glossary {
    /// The glossary as protection rules for `source` → `target`: do-not-translate terms stay
    /// as written, terms with a `target` cell must come out as that cell. Terms without a
    /// `source` cell are left out.
    public func rules(from source: Language, to target: Language) -> [GlossaryRule] {
        terms.compactMap { term in
            guard let written = term.terms[source], !written.isEmpty else { return nil }
            if term.doNotTranslate {
                return GlossaryRule(source: written, target: written, doNotTranslate: true, caseSensitive: term.caseSensitive)
            }
            guard let translated = term.terms[target], !translated.isEmpty else { return nil }
            return GlossaryRule(source: written, target: translated, doNotTranslate: false, caseSensitive: term.caseSensitive)
        }
    }
}
