import Foundation

/// The `lang<TAB>text` files both evaluators read (`parley langid eval --file` and
/// `--other`): one labelled text a line, blank lines skipped, `\n` or `\r\n` endings. What the
/// label means (one of the eight, or any known language) is the caller's to decide.
enum LabeledLines {
    /// One line: its 1-based number (for error messages), the label trimmed, and the text as is.
    struct Line {
        let number: Int
        let code: String
        let text: String
    }

    /// The whole file as UTF-8 text.
    /// - Throws: ``LanguageDataError/unreadableFile(path:reason:)``.
    static func contents(of file: URL) throws(LanguageDataError) -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: file.path, reason: "\(error)")
        }
    }

    /// The file's labelled lines.
    /// - Throws: ``LanguageDataError`` when the file cannot be read or a line has no tab.
    static func read(_ file: URL) throws(LanguageDataError) -> [Line] {
        var lines: [Line] = []
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        for (index, raw) in try contents(of: file).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let tab = line.firstIndex(of: "\t") else { throw .malformedLine(path: file.path, line: index + 1) }
            lines.append(Line(number: index + 1, code: line[..<tab].trimmingCharacters(in: .whitespaces), text: String(line[line.index(after: tab)...])))
        }
        return lines
    }
}
