/// Minimal HTML handling for the fakes: translate the text between tags, keep the tags.
enum FakeHTML {
    /// `html` with every text node that holds letters replaced by `transform(node)`; leading
    /// and trailing white space of a node stays outside the transform.
    static func mapTextNodes(_ html: String, _ transform: (String) -> String) -> String {
        var result = ""
        var text = ""
        var inTag = false
        func flush() {
            guard text.contains(where: \.isLetter) else {
                result += text
                text = ""
                return
            }
            let leading = text.prefix { $0.isWhitespace }
            let trailing = String(text.reversed().prefix { $0.isWhitespace }.reversed())
            let core = text.dropFirst(leading.count).dropLast(trailing.count)
            result += leading + transform(String(core)) + trailing
            text = ""
        }
        for character in html {
            if inTag {
                result.append(character)
                if character == ">" { inTag = false }
            } else if character == "<" {
                flush()
                result.append(character)
                inTag = true
            } else {
                text.append(character)
            }
        }
        flush()
        return result
    }
}
