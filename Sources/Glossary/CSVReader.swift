/// RFC 4180 CSV: comma-separated fields, records ended by CRLF or LF, fields in double quotes
/// may hold commas, line breaks and `""` for a quote.
enum CSVReader {
    /// One record with the line it starts on.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Parses `text`; throws a message naming the line of an unterminated or misplaced quote.
    static func records(_ text: String) throws(GlossaryError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        field.append("\""); i += 2; continue
                    }
                    inQuotes = false
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw .syntax(line: line, reason: "a quote inside an unquoted field") }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                endField()
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                break
            case "\n", "\r":
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                line += 1
                recordLine = line
            default:
                if fieldWasQuoted { throw .syntax(line: line, reason: "text after a closing quote") }
                field.append(c)
            }
            i += 1
        }
        if inQuotes { throw .syntax(line: recordLine, reason: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
    }
}
