/// A small XML writer: elements, attributes and text escaped for XML 1.0; characters XML
/// cannot hold (controls other than tab and line feed) written as XLIFF `<cp hex="…"/>`, and
/// carriage returns as `&#13;` so parsers do not normalize them away.
struct XMLWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var stack: [String] = []

    mutating func open(_ name: String, _ attributes: [(String, String)] = [], newline: Bool = true) {
        output += indentation + "<" + name + Self.attributes(attributes) + ">" + (newline ? "\n" : "")
        stack.append(name)
    }

    mutating func close(indented: Bool = true) {
        guard let name = stack.popLast() else { return }
        output += (indented ? indentation : "") + "</" + name + ">\n"
    }

    /// `<name attrs>text</name>` on one line.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        output += indentation + "<" + name + Self.attributes(attributes) + ">" + Self.content(text) + "</" + name + ">\n"
    }

    mutating func comment(_ text: String) {
        output += indentation + "<!-- " + text.replacingAll("--", with: "- -") + " -->\n"
    }

    private var indentation: String { String(repeating: "  ", count: stack.count) }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1, attribute: true))\"" }.joined()
    }

    static func content(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\r": output += "&#13;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                output += "<cp hex=\"\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))\"/>"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func escape(_ text: String, attribute: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "\n" where attribute: output += "&#10;"
            case "\t" where attribute: output += "&#9;"
            case "\r": output += "&#13;"
            case _ where scalar.value < 0x20: output += " "
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
