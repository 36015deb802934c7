import Glossary
import Languages
import Storage

/// Writes gettext PO, one file per target language.
///
/// Mapping: `msgctxt "namespace:key"`; plain keys as `msgid`/`msgstr`; plural groups as
/// `msgid` (English `one`), `msgid_plural` (English `other`) and `msgstr[i]` for the i-th CLDR
/// category of the target language, with a `Plural-Forms` header derived from ICU
/// (``PluralFormsExpression``) and `X-Parley-Plural-Categories` naming the categories. States:
/// machine → `#, fuzzy`; every entry has a `# state: <state>` translator comment; untranslated
/// entries have empty `msgstr`. Glossary hits are extracted comments (`#.`).
enum POWriter {
    static func document(language: Language, namespaces: [(namespace: String, units: [CatalogUnit])], glossary: Glossary?) -> String {
        let expression = PluralFormsExpression(language: language)
        let examples = PluralExamples.of(language.plurals)
        var out = "# protoimsg UI catalogs, \(language.englishName) (\(language.code)), exported by Parley.\n"
        out += "msgid \"\"\nmsgstr \"\"\n"
        for line in [
            "Project-Id-Version: protoimsg", "Language: \(language.code)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "Plural-Forms: \(expression.header)",
            "X-Parley-Plural-Categories: \(expression.categories.map(\.rawValue).joined(separator: " "))",
        ] {
            out += "\"\(escape(line))\\n\"\n"
        }
        for (namespace, units) in namespaces {
            for unit in units {
                out += "\n# state: \(unit.state.rawValue)\n"
                for term in glossary?.hits(inSource: unit.source.representative) ?? [] {
                    guard let wanted = term.terms[language] else { continue }
                    out += "#. glossary: \(term.doNotTranslate ? "\(term.english) (do not translate)" : "\(term.english) → \(wanted)")\n"
                }
                if unit.source.isPlural {
                    out += "#. plural: " + expression.categories.enumerated().map { "[\($0.offset)] \($0.element.rawValue) (e.g. \(examples[$0.element] ?? "?"))" }.joined(separator: ", ") + "\n"
                }
                if unit.source.isLiteral { out += "#. fixed value (JSON), not translated\n" }
                out += "#: \(namespace).json\n"
                if unit.source.isLiteral { out += "#, parley-fixed\n" }
                if unit.state == .machine { out += "#, fuzzy\n" }
                out += "msgctxt " + quoted("\(namespace):\(unit.key)")
                switch unit.source {
                case .text(let source):
                    out += "msgid " + quoted(source)
                    let target: String = if case .text(let text)? = unit.value { text } else { "" }
                    out += "msgstr " + quoted(target)
                case .plural:
                    out += "msgid " + quoted(unit.source.form(.one) ?? unit.source.representative)
                    out += "msgid_plural " + quoted(unit.source.form(.other) ?? unit.source.representative)
                    for (index, category) in expression.categories.enumerated() {
                        out += "msgstr[\(index)] " + quoted(unit.value?.form(category) ?? "")
                    }
                case .literal(let json):
                    // A fixed value travels flagged `parley-fixed`, so that a round trip keeps it.
                    out += "msgid " + quoted(json)
                    let target: String = if case .literal(let value)? = unit.value { value } else { "" }
                    out += "msgstr " + quoted(target)
                }
            }
        }
        return out
    }

    /// A PO string: one line, or `""` followed by one line per `\n`-terminated piece.
    static func quoted(_ text: String) -> String {
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard pieces.count > 1 else { return "\"\(escape(text))\"\n" }
        var out = "\"\"\n"
        for (offset, piece) in pieces.enumerated() {
            let last = offset == pieces.count - 1
            if last && piece.isEmpty { break }
            out += "\"\(escape(String(piece)))\(last ? "" : "\\n")\"\n"
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\" + String(scalar.value, radix: 8).leftPadded(3)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
