import Foundation
import Hashing
import Languages

/// The product glossary from `Glossaries/*.csv`: one concept per row, a column per language
/// code plus optional `dnt`, `case` and `note` columns (RFC 4180 quoting, UTF-8).
///
/// ```swift
/// let glossary = try Glossary.load(directory: "Glossaries")
/// glossary.version                       // hex SHA-256 of the file bytes
/// glossary.problems()                    // duplicates, empty cells, conflicts
/// glossary.hits(in: "Open the buddy list")        // [buddy list] (English source, inflections too)
/// glossary.rules(from: .english, to: .spanish)    // what machine translation must protect
/// ```
public struct Glossary: Sendable {
    public let terms: [GlossaryTerm]
    /// Hex SHA-256 of the file bytes (of `name NUL bytes` of each file, in name order, when a
    /// directory holds several).
    public let version: String
    /// Problems found while reading cells (bad booleans), reported again by ``problems()``.
    let cellProblems: [GlossaryProblem]
    /// Every (file, line, language, cell) for validation.
    let rows: [Row]
    /// The terms prepared for finding them in English text.
    let sourceMatcher: InflectedTermMatcher

    struct Row: Sendable {
        var origin: String
        var cells: [Language: String]
        var dnt: Bool
    }

    public init(terms: [GlossaryTerm], version: String = "") {
        self.terms = terms
        self.version = version
        self.cellProblems = []
        self.rows = terms.map { Row(origin: $0.origin, cells: $0.terms, dnt: $0.doNotTranslate) }
        self.sourceMatcher = InflectedTermMatcher(terms)
    }

    private init(terms: [GlossaryTerm], version: String, cellProblems: [GlossaryProblem], rows: [Row]) {
        self.terms = terms
        self.version = version
        self.cellProblems = cellProblems
        self.rows = rows
        self.sourceMatcher = InflectedTermMatcher(terms)
    }

    /// Parses one CSV file.
    public init(csv bytes: [UInt8], name: String = "glossary.csv") throws(GlossaryError) {
        let parsed = try Self.parse(bytes, name: name)
        self.init(terms: parsed.terms, version: Digest.sha256Hex(bytes), cellProblems: parsed.findings, rows: parsed.rows)
    }

    /// Every `*.csv` in `directory`, in name order; `nil` when there is none.
    public static func load(directory: String) throws(GlossaryError) -> Glossary? {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }.sorted()
        } catch {
            return nil
        }
        guard !names.isEmpty else { return nil }
        var terms: [GlossaryTerm] = [], findings: [GlossaryProblem] = [], rows: [Row] = []
        var hashed: [UInt8] = []
        var single: [UInt8] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) else {
                throw .unreadable("\(directory)/\(name)")
            }
            let bytes = [UInt8](data)
            single = bytes
            hashed += Array(name.utf8) + [0] + bytes
            let parsed = try parse(bytes, name: name)
            terms += parsed.terms
            findings += parsed.findings
            rows += parsed.rows
        }
        let version = Digest.sha256Hex(names.count == 1 ? single : hashed)
        return Glossary(terms: terms, version: version, cellProblems: findings, rows: rows)
    }

    private static func parse(_ bytes: [UInt8], name: String) throws(GlossaryError) -> (terms: [GlossaryTerm], findings: [GlossaryProblem], rows: [Row]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .unreadable("\(name) is not UTF-8") }
        let records = try CSVReader.records(text)
        guard let header = records.first?.fields else { return ([], [], []) }
        var languageColumns: [(Int, Language)] = []
        var dntColumn: Int?, caseColumn: Int?, noteColumn: Int?
        for (index, column) in header.enumerated() {
            let trimmed = column.trimmingCharacters(in: .whitespaces)
            switch trimmed.lowercased() {
            case "dnt": dntColumn = index
            case "case": caseColumn = index
            case "note", "notes": noteColumn = index
            default:
                guard let language = Language(rawValue: trimmed) else {
                    throw .header("\(name): unknown column '\(column)'; use language codes (\(Language.supportedCodes.joined(separator: " "))), dnt, case, note")
                }
                languageColumns.append((index, language))
            }
        }
        guard languageColumns.contains(where: { $0.1 == .english }) else { throw .header("\(name): no 'en' column") }
        var terms: [GlossaryTerm] = [], findings: [GlossaryProblem] = [], rows: [Row] = []
        for record in records.dropFirst() {
            let origin = "\(name):\(record.line)"
            if record.fields.count != header.count {
                findings.append(GlossaryProblem(origin: origin, message: "\(record.fields.count) cells, the header has \(header.count)"))
            }
            func cell(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                return record.fields[index]
            }
            func flag(_ index: Int?, _ column: String) -> Bool {
                guard let value = cell(index) else { return false }
                switch value.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true", "yes", "1": return true
                case "false", "no", "0", "": return false
                default:
                    findings.append(GlossaryProblem(origin: origin, message: "\(column) must be true or false, got '\(value)'"))
                    return false
                }
            }
            var cells: [Language: String] = [:]
            for (index, language) in languageColumns { if let value = cell(index) { cells[language] = value } }
            let dnt = flag(dntColumn, "dnt")
            let caseSensitive = flag(caseColumn, "case")
            let note = cell(noteColumn).flatMap { $0.isEmpty ? nil : $0 }
            rows.append(Row(origin: origin, cells: cells, dnt: dnt))
            let present = cells.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
                .mapValues { $0.trimmingCharacters(in: .whitespaces) }
            if present[.english] != nil {
                terms.append(GlossaryTerm(terms: present, doNotTranslate: dnt, caseSensitive: caseSensitive, note: note, origin: origin))
            }
        }
        return (terms, findings, rows)
    }
}

extension Glossary {
    /// The glossary terms whose English form occurs in `plainText` (markup already removed):
    /// whole words, the last word also inflected (`rooms`, `replies`), longest terms first.
    public func hits(in plainText: String) -> [GlossaryTerm] {
        sourceMatcher.hits(in: plainText)
    }
}
