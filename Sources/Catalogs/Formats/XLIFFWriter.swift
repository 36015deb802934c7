import Glossary
import Languages
import Storage

/// Writes XLIFF 2.0, one file per target language, `<file>` per namespace.
///
/// Mapping:
/// - a plain key is a `<unit id="key" name="key">`;
/// - a plural group is `<group id="key" name="key" type="parley:plural">` with one
///   `<unit id="key_<category>" name="key_<category>">` per CLDR category of the target language,
///   in CLDR order; each unit's `<source>` is the English form for that category, or for a
///   category English lacks, the English form of the category's example number (a `<note>`
///   names the example);
/// - states: untranslated → `initial` (no `<target>`), machine → `translated` with
///   `subState="parley:machine"`, translated → `translated`, reviewed → `reviewed`;
/// - notes: glossary hits of the source (`category="glossary"`), i18next context
///   (`category="context"`), plural examples (`category="plural"`).
/// Keys appear in the language's file order.
enum XLIFFWriter {
    static func document(language: Language, namespaces: [(namespace: String, units: [CatalogUnit])], glossary: Glossary?) -> String {
        var xml = XMLWriter()
        xml.open("xliff", [
            ("xmlns", "urn:oasis:names:tc:xliff:document:2.0"), ("version", "2.0"), ("srcLang", "en"), ("trgLang", language.code),
        ])
        let rules = language.plurals
        let categories = rules.categories(.cardinal)
        let examples = PluralExamples.of(rules)
        for (namespace, units) in namespaces {
            xml.open("file", [("id", namespace), ("original", "\(namespace).json")])
            for unit in units {
                switch unit.source {
                case .text(let source):
                    let target: String? = if case .text(let text)? = unit.value { text } else { nil }
                    writeUnit(&xml, id: unit.key, source: source, target: target, state: unit.state,
                              notes: notes(source: source, key: unit.key, language: language, glossary: glossary))
                case .plural:
                    xml.open("group", [("id", unit.key), ("name", unit.key), ("type", "parley:plural")])
                    let adapted = unit.source.adapted(to: categories, language: rules, sourceRules: Language.english.plurals)
                    for category in categories {
                        let source = unit.source.form(category) ?? adapted.form(category) ?? unit.source.representative
                        var notes = notes(source: source, key: unit.key, language: language, glossary: glossary)
                        notes.insert(("plural", "\(category.rawValue): e.g. \(examples[category] ?? "?")"), at: 0)
                        writeUnit(&xml, id: "\(unit.key)_\(category.rawValue)", source: source, target: unit.value?.form(category),
                                  state: unit.value?.form(category) == nil ? .untranslated : unit.state, notes: notes)
                    }
                    xml.close()
                case .literal(let json):
                    // A fixed value travels locked (translate="no"), so that a round trip keeps it.
                    let target: String? = if case .literal(let value)? = unit.value { value } else { nil }
                    writeUnit(&xml, id: unit.key, source: json, target: target, state: unit.state,
                              notes: [("parley", "fixed value (JSON), not translated")], translatable: false)
                }
            }
            xml.close()
        }
        xml.close()
        return xml.output
    }

    private static func writeUnit(
        _ xml: inout XMLWriter, id: String, source: String, target: String?, state: CatalogEntryState, notes: [(String, String)],
        translatable: Bool = true
    ) {
        xml.open("unit", [("id", xliffID(id)), ("name", id)] + (translatable ? [] : [("translate", "no")]))
        if !notes.isEmpty {
            xml.open("notes")
            for (category, text) in notes { xml.element("note", [("category", category)], text: text) }
            xml.close()
        }
        var attributes: [(String, String)]
        switch state {
        case .untranslated: attributes = [("state", "initial")]
        case .machine: attributes = [("state", "translated"), ("subState", "parley:machine")]
        case .translated: attributes = [("state", "translated")]
        case .reviewed: attributes = [("state", "reviewed")]
        }
        if target == nil { attributes = [("state", "initial")] }
        xml.open("segment", attributes)
        xml.element("source", text: source)
        if let target { xml.element("target", text: target) }
        xml.close()
        xml.close()
    }

    private static func notes(source: String, key: String, language: Language, glossary: Glossary?) -> [(String, String)] {
        var notes: [(String, String)] = []
        if let last = key.split(separator: ".").last, let underscore = last.lastIndex(of: "_") {
            notes.append(("context", "i18next context '\(last[last.index(after: underscore)...])' of \(last[..<underscore])"))
        }
        for term in glossary?.hits(inSource: source) ?? [] {
            guard let wanted = term.terms[language] else { continue }
            notes.append(("glossary", term.doNotTranslate ? "\(term.english): do not translate" : "\(term.english) → \(wanted)"))
        }
        return notes
    }

    /// XLIFF ids are NMTOKENs: other characters become `_xHHHH_`.
    static func xliffID(_ key: String) -> String {
        var output = ""
        for scalar in key.unicodeScalars {
            if scalar.isASCIIAlphanumeric || scalar == "." || scalar == "_" || scalar == "-" || scalar == ":" {
                output.unicodeScalars.append(scalar)
            } else {
                output += "_x\(String(scalar.value, radix: 16, uppercase: true))_"
            }
        }
        return output
    }
}
