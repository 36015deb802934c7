/// A marker as read from machine-translation output, before its role is checked.
struct RawMarker: Sendable, Hashable {
    var id: Int
    /// `</g0>`, `[/0]`.
    var closing: Bool
    /// `<x0/>`, `<g0/>`.
    var selfClosing: Bool
    /// `x` or `g` (lowercased) for the xml style; `nil` for brackets.
    var letter: Character?
    /// The text as it came back.
    var text: String
}

/// A piece of machine-translation output: text, or something that reads as a marker.
enum OutputPiece: Sendable, Hashable {
    case text(String)
    case marker(RawMarker)
}

/// Splits text into plain text and markers of one ``MarkerStyle``, tolerating white space inside
/// markers, letter case, and non-ASCII decimal digits.
struct MarkerTokenizer: Sendable {
    let style: MarkerStyle

    func pieces(_ text: String) -> [OutputPiece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [OutputPiece] = []
        var pending = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let (marker, end) = marker(in: scalars, at: index) {
                if !pending.isEmpty { pieces.append(.text(String(pending))); pending = String.UnicodeScalarView() }
                pieces.append(.marker(marker))
                index = end
            } else {
                pending.append(scalars[index])
                index += 1
            }
        }
        if !pending.isEmpty { pieces.append(.text(String(pending))) }
        return pieces
    }

    /// Whether `text` has anything that reads as a marker.
    func containsMarker(_ text: String) -> Bool {
        pieces(text).contains { if case .marker = $0 { true } else { false } }
    }

    /// How many of the style's syntax characters `text` has.
    func syntaxCount(_ text: String) -> Int {
        let syntax = style.syntaxCharacters
        return text.unicodeScalars.reduce(0) { $0 + (syntax.contains($1) ? 1 : 0) }
    }

    private func marker(in s: [Unicode.Scalar], at start: Int) -> (RawMarker, Int)? {
        let (openBracket, closeBracket): (Unicode.Scalar, Unicode.Scalar) = style == .xml ? ("<", ">") : ("[", "]")
        guard s[start] == openBracket else { return nil }
        var i = start + 1
        func skipSpace() { while i < s.count, s[i].properties.isWhitespace, s[i] != "\n" { i += 1 } }
        skipSpace()
        var closing = false
        if i < s.count, s[i] == "/" { closing = true; i += 1; skipSpace() }
        var letter: Character?
        if style == .xml {
            guard i < s.count, ["x", "X", "g", "G"].contains(s[i]) else { return nil }
            letter = Character(String(s[i]).lowercased())
            i += 1
            skipSpace()
        }
        var value = 0, digits = 0
        while i < s.count, s[i].properties.numericType == .decimal, let digit = s[i].properties.numericValue, digits < 6 {
            value = value * 10 + Int(digit)
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        skipSpace()
        var selfClosing = false
        if i < s.count, s[i] == "/" { selfClosing = true; i += 1; skipSpace() }
        guard i < s.count, s[i] == closeBracket else { return nil }
        i += 1
        let text = String(String.UnicodeScalarView(s[start..<i]))
        return (RawMarker(id: value, closing: closing, selfClosing: selfClosing, letter: letter, text: text), i)
    }
}
