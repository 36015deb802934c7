import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Languages
import Storage

/// Reads what ``XLIFFWriter`` writes (and XLIFF 2.0 from translators' tools that keep unit
/// names): target values with their states, and the English sources.
enum XLIFFReader {
    struct Result {
        var language: Language
        var english: [CatalogDocument]
        var target: [CatalogDocument]
        var states: [CatalogEntryID: CatalogEntryState]
    }

    static func read(_ data: Data, fileName: String) throws(CatalogError) -> Result {
        let delegate = Delegate(fileName: fileName)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.error { throw error }
        guard ok else {
            throw .malformedFile(file: fileName, keyPath: nil, reason: "not well-formed XML (line \(parser.lineNumber)): \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        guard let language = delegate.language else { throw .malformedFile(file: fileName, keyPath: nil, reason: "no <xliff trgLang> of a supported language") }
        let englishCategories = Language.english.plurals.categories(.cardinal)
        var english: [CatalogDocument] = [], target: [CatalogDocument] = []
        var states: [CatalogEntryID: CatalogEntryState] = [:]
        for file in delegate.files {
            var sourceItems: [CatalogItem] = [], targetItems: [CatalogItem] = []
            for entry in file.entries {
                if let forms = entry.forms {
                    let sourceForms = englishCategories.compactMap { category in forms.first { $0.category == category }.map { PluralForm(category, $0.source) } }
                    sourceItems.append(CatalogItem(key: entry.key, value: .plural(sourceForms)))
                    let targetForms = forms.compactMap { form in form.target.map { PluralForm(form.category, $0) } }
                    if !targetForms.isEmpty {
                        targetItems.append(CatalogItem(key: entry.key, value: .plural(targetForms)))
                        let state = forms.compactMap(\.state).first { $0 != .untranslated } ?? .translated
                        states[CatalogEntryID(namespace: file.namespace, key: entry.key, language: language.code)] = state
                    }
                } else if entry.fixed {
                    guard let source = CatalogValue.literal(parsing: entry.source) else {
                        throw .malformedFile(file: fileName, keyPath: entry.key, reason: "a unit with translate=\"no\" must hold a JSON boolean, number or null")
                    }
                    sourceItems.append(CatalogItem(key: entry.key, value: source))
                    if let value = entry.target {
                        guard let target = CatalogValue.literal(parsing: value) else {
                            throw .malformedFile(file: fileName, keyPath: entry.key, reason: "a unit with translate=\"no\" must hold a JSON boolean, number or null")
                        }
                        targetItems.append(CatalogItem(key: entry.key, value: target))
                        states[CatalogEntryID(namespace: file.namespace, key: entry.key, language: language.code)] = entry.state ?? .translated
                    }
                } else {
                    sourceItems.append(CatalogItem(key: entry.key, value: .text(entry.source)))
                    if let value = entry.target {
                        targetItems.append(CatalogItem(key: entry.key, value: .text(value)))
                        states[CatalogEntryID(namespace: file.namespace, key: entry.key, language: language.code)] = entry.state ?? .translated
                    }
                }
            }
            english.append(CatalogDocument(language: .english, namespace: file.namespace, items: sourceItems))
            target.append(CatalogDocument(language: language, namespace: file.namespace, items: targetItems))
        }
        return Result(language: language, english: english, target: target, states: states)
    }

    private struct Form {
        var category: PluralCategory
        var source: String
        var target: String?
        var state: CatalogEntryState?
    }

    private struct Entry {
        var key: String
        var source = ""
        var target: String?
        var state: CatalogEntryState?
        var forms: [Form]?
        /// `translate="no"`: a fixed value (JSON text).
        var fixed = false
    }

    private struct File {
        var namespace: String
        var entries: [Entry] = []
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let fileName: String
        var language: Language?
        var files: [File] = []
        var error: CatalogError?
        private var group: Entry?
        private var unitName: String?
        private var unitFixed = false
        private var segmentState: CatalogEntryState?
        private var source: String?
        private var target: String?
        private var text: String?

        init(fileName: String) { self.fileName = fileName }

        private func fail(_ parser: XMLParser, _ keyPath: String?, _ reason: String) {
            if error == nil { error = .malformedFile(file: fileName, keyPath: keyPath, reason: reason) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "xliff":
                guard let code = attributes["trgLang"], let language = Language(rawValue: code), language != .english else {
                    return fail(parser, nil, "trgLang '\(attributes["trgLang"] ?? "")' is not a translation language (\(Language.supportedCodes.dropFirst().joined(separator: " ")))")
                }
                if let source = attributes["srcLang"], source != "en" { return fail(parser, nil, "srcLang must be en, not \(source)") }
                self.language = language
            case "file":
                let namespace = attributes["original"].map { $0.hasSuffix(".json") ? String($0.dropLast(5)) : $0 } ?? attributes["id"] ?? ""
                do {
                    try CatalogNames.validateNamespace(namespace)
                } catch {
                    return fail(parser, nil, error.description)
                }
                files.append(File(namespace: namespace))
            case "group" where attributes["type"] == "parley:plural":
                guard let key = attributes["name"] ?? attributes["id"] else { return fail(parser, nil, "plural group without a name") }
                group = Entry(key: key, forms: [])
            case "unit":
                unitName = attributes["name"] ?? attributes["id"]
                unitFixed = attributes["translate"] == "no"
                segmentState = nil
                source = nil
                target = nil
            case "segment":
                switch attributes["state"] ?? "initial" {
                case "initial": segmentState = .untranslated
                case "translated": segmentState = attributes["subState"] == "parley:machine" ? .machine : .translated
                case "reviewed", "final": segmentState = .reviewed
                case let other: return fail(parser, unitName, "unknown segment state '\(other)'")
                }
            case "source", "target":
                text = ""
            case "cp":
                guard let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                    return fail(parser, unitName, "bad <cp hex>")
                }
                text?.unicodeScalars.append(scalar)
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "source": source = text; text = nil
            case "target": target = text; text = nil
            case "unit":
                guard let name = unitName, !files.isEmpty else { return fail(parser, nil, "unit outside a <file> or without a name") }
                if var current = group {
                    guard let (base, category) = CatalogNames.pluralSuffix(name), base == current.key else {
                        return fail(parser, name, "unit in plural group '\(current.key)' is not named \(current.key)_<category>")
                    }
                    current.forms?.append(Form(category: category, source: source ?? "", target: target, state: segmentState))
                    group = current
                } else {
                    files[files.count - 1].entries.append(Entry(key: name, source: source ?? "", target: target, state: segmentState, fixed: unitFixed))
                }
                unitName = nil
            case "group":
                if let current = group, !files.isEmpty {
                    files[files.count - 1].entries.append(current)
                    group = nil
                }
            default:
                break
            }
        }
    }
}
