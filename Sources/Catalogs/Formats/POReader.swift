import Languages
import Storage

/// Reads what ``POWriter`` writes (and PO from translators' tools that keep `msgctxt`).
enum POReader {
    private struct Entry {
        var line: Int
        var context: String?
        var id: String?
        var idPlural: String?
        var strings: [Int: String] = [:]
        var fuzzy = false
        var state: CatalogEntryState?
        var obsolete = false
        /// Flagged `parley-fixed`: a fixed value (JSON text).
        var fixed = false
    }

    static func read(_ text: String, fileName: String) throws(CatalogError) -> XLIFFReader.Result {
        let entries = try parse(text, fileName: fileName)
        guard let header = entries.first(where: { $0.id == "" && $0.context == nil }), let headerText = header.strings[0] else {
            throw .malformedFile(file: fileName, keyPath: nil, reason: "no PO header (msgid \"\")")
        }
        var fields: [String: String] = [:]
        for line in headerText.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon]).lowercased()] = line[line.index(after: colon)...].trimming(" ")
        }
        guard let code = fields["language"], let language = Language(rawValue: code), language != .english else {
            throw .malformedFile(file: fileName, keyPath: nil, reason: "header Language '\(fields["language"] ?? "")' is not a translation language")
        }
        let categories = fields["x-parley-plural-categories"].map { $0.split(separator: " ").compactMap { PluralCategory(rawValue: String($0)) } }
            ?? language.plurals.categories(.cardinal)
        var english: [String: [CatalogItem]] = [:], target: [String: [CatalogItem]] = [:]
        var namespaces: [String] = []
        var states: [CatalogEntryID: CatalogEntryState] = [:]
        for entry in entries where !entry.obsolete && entry.context != nil {
            guard let context = entry.context, let colon = context.firstIndex(of: ":") else {
                throw .malformedFile(file: fileName, keyPath: entry.context, reason: "msgctxt must be namespace:key (line \(entry.line))")
            }
            let namespace = String(context[..<colon]), key = String(context[context.index(after: colon)...])
            do {
                try CatalogNames.validateNamespace(namespace)
                try CatalogNames.validateKey(key)
            } catch {
                throw .malformedFile(file: fileName, keyPath: context, reason: "\(error.description) (line \(entry.line))")
            }
            if english[namespace] == nil { namespaces.append(namespace) }
            let state: CatalogEntryState = entry.fuzzy ? .machine : (entry.state == .untranslated ? .translated : entry.state ?? .translated)
            if let plural = entry.idPlural {
                english[namespace, default: []].append(CatalogItem(key: key, value: .plural([PluralForm(.one, entry.id ?? ""), PluralForm(.other, plural)])))
                let forms = categories.enumerated().compactMap { index, category -> PluralForm? in
                    guard let text = entry.strings[index], !text.isEmpty else { return nil }
                    return PluralForm(category, text)
                }
                if !forms.isEmpty {
                    target[namespace, default: []].append(CatalogItem(key: key, value: .plural(forms)))
                    states[CatalogEntryID(namespace: namespace, key: key, language: language.code)] = state
                }
            } else if entry.fixed {
                guard let source = CatalogValue.literal(parsing: entry.id ?? "") else {
                    throw .malformedFile(file: fileName, keyPath: context, reason: "a parley-fixed entry must hold a JSON boolean, number or null (line \(entry.line))")
                }
                english[namespace, default: []].append(CatalogItem(key: key, value: source))
                if let text = entry.strings[0], !text.isEmpty {
                    guard let value = CatalogValue.literal(parsing: text) else {
                        throw .malformedFile(file: fileName, keyPath: context, reason: "a parley-fixed entry must hold a JSON boolean, number or null (line \(entry.line))")
                    }
                    target[namespace, default: []].append(CatalogItem(key: key, value: value))
                    states[CatalogEntryID(namespace: namespace, key: key, language: language.code)] = state
                }
            } else {
                english[namespace, default: []].append(CatalogItem(key: key, value: .text(entry.id ?? "")))
                if let text = entry.strings[0], !text.isEmpty {
                    target[namespace, default: []].append(CatalogItem(key: key, value: .text(text)))
                    states[CatalogEntryID(namespace: namespace, key: key, language: language.code)] = state
                }
            }
        }
        return XLIFFReader.Result(
            language: language,
            english: namespaces.map { CatalogDocument(language: .english, namespace: $0, items: english[$0] ?? []) },
            target: namespaces.map { CatalogDocument(language: language, namespace: $0, items: target[$0] ?? []) },
            states: states)
    }

    private static func parse(_ text: String, fileName: String) throws(CatalogError) -> [Entry] {
        var entries: [Entry] = []
        var current = Entry(line: 1)
        var started = false
        var field: String?
        func finish() {
            if started { entries.append(current) }
            started = false
            field = nil
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimming(" \t").isEmpty { finish(); continue }
            var obsolete = false
            if line.hasPrefix("#~") { obsolete = true; line = line.dropFirst(2).drop { $0 == " " } }
            if line.hasPrefix("#") && !obsolete {
                if started, field != nil { finish() }
                if !started { current = Entry(line: number); started = true }
                if line.hasPrefix("#,") {
                    current.fuzzy = current.fuzzy || line.contains("fuzzy")
                    current.fixed = current.fixed || line.contains("parley-fixed")
                }
                if line.hasPrefix("# state:") { current.state = CatalogEntryState(rawValue: line.dropFirst(8).trimming(" ")) }
                continue
            }
            let keyword = String(line.prefix { $0 != " " && $0 != "\"" })
            if keyword.isEmpty {
                guard let field, line.hasPrefix("\"") else { throw .malformedFile(file: fileName, keyPath: nil, reason: "stray text on line \(number)") }
                append(try unquote(line, fileName: fileName, line: number), to: field, &current)
                continue
            }
            if started, (keyword == "msgctxt" && (current.id != nil || current.context != nil)) || (keyword == "msgid" && current.id != nil) {
                finish()
            }
            if !started { current = Entry(line: number); started = true }
            current.obsolete = current.obsolete || obsolete
            let rest = line.dropFirst(keyword.count).drop { $0 == " " }
            let value = try unquote(rest, fileName: fileName, line: number)
            switch keyword {
            case "msgctxt": current.context = value; field = "msgctxt"
            case "msgid": current.id = value; field = "msgid"
            case "msgid_plural": current.idPlural = value; field = "msgid_plural"
            case "msgstr": current.strings[0] = value; field = "msgstr[0]"
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let index = Int(keyword.dropFirst(7).dropLast()) else {
                    throw .malformedFile(file: fileName, keyPath: nil, reason: "unknown keyword '\(keyword)' on line \(number)")
                }
                current.strings[index] = value
                field = "msgstr[\(index)]"
            }
        }
        finish()
        return entries
    }

    private static func append(_ text: String, to field: String, _ entry: inout Entry) {
        switch field {
        case "msgctxt": entry.context = (entry.context ?? "") + text
        case "msgid": entry.id = (entry.id ?? "") + text
        case "msgid_plural": entry.idPlural = (entry.idPlural ?? "") + text
        default:
            if let index = Int(field.dropFirst(7).dropLast()) { entry.strings[index] = (entry.strings[index] ?? "") + text }
        }
    }

    private static func unquote(_ text: Substring, fileName: String, line: Int) throws(CatalogError) -> String {
        let trimmed = text.trimming(" \t")
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else {
            throw .malformedFile(file: fileName, keyPath: nil, reason: "expected a quoted string on line \(line)")
        }
        let scalars = Array(trimmed.unicodeScalars.dropFirst().dropLast())
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "\\" else { out.append(c); i += 1; continue }
            guard i + 1 < scalars.count else { throw .malformedFile(file: fileName, keyPath: nil, reason: "dangling backslash on line \(line)") }
            let e = scalars[i + 1]
            i += 2
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "\\", "\"", "'", "?": out.append(e)
            case "0"..."7":
                var value = e.value - 48
                var digits = 1
                while digits < 3, i < scalars.count, ("0"..."7").contains(scalars[i]) { value = value * 8 + scalars[i].value - 48; i += 1; digits += 1 }
                if let scalar = Unicode.Scalar(value) { out.append(scalar) }
            default:
                throw .malformedFile(file: fileName, keyPath: nil, reason: "unknown escape \\\(e) on line \(line)")
            }
        }
        return String(out)
    }
}
