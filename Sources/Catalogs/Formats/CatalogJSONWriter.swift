/// Writes catalog JSON byte for byte as Python's
/// `json.dumps(obj, ensure_ascii=False, indent=2) + "\n"` does — the format of `Catalogs/`.
///
/// Two-space indent, `"key": "value"`, non-ASCII and `/` unescaped, `\"` `\\` `\n` `\t` `\b` `\f`
/// `\r` escaped, other control characters as `\u00XX`, a trailing newline. Fixed values
/// (booleans, numbers, null) are written as they were read.
public enum CatalogJSONWriter {
    /// The file bytes for a top-level object.
    public static func file(_ members: [(key: String, value: CatalogNode)]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(.object(members), indent: 0, into: &output)
        output.append(0x0A)
        return output
    }

    /// A one-line object of string members (`{"one":"…","other":"…"}`), used to store plural forms.
    public static func compact(_ members: [(key: String, value: String)]) -> String {
        var output: [UInt8] = [UInt8(ascii: "{")]
        for (offset, member) in members.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            appendString(member.key, into: &output)
            output.append(UInt8(ascii: ":"))
            appendString(member.value, into: &output)
        }
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }

    static func write(_ node: CatalogNode, indent: Int, into output: inout [UInt8]) {
        switch node {
        case .string(let text):
            appendString(text, into: &output)
        case .literal(let json):
            output.append(contentsOf: Array(json.utf8))
        case .object(let members):
            if members.isEmpty {
                output.append(contentsOf: Array("{}".utf8))
                return
            }
            output.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                output.append(0x0A)
                output.append(contentsOf: repeatElement(0x20, count: indent + 2))
                appendString(member.key, into: &output)
                output.append(contentsOf: [UInt8(ascii: ":"), 0x20])
                write(member.value, indent: indent + 2, into: &output)
            }
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent))
            output.append(UInt8(ascii: "}"))
        }
    }

    static func appendString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
