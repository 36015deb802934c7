import Languages

/// Pseudo-locales, generated from English and served like real languages; they are not
/// translation languages (nothing can be imported or saved under them).
///
/// - `en-XA`: accented letters, about 35 % longer, bracketed `[!! … !!]` — shows truncation and
///   hard-coded strings.
/// - `ar-XB`: right-to-left pseudo: each text run wrapped in RLI … PDI (no RLM/RLO), letters
///   swapped for mirror images where one exists (b↔d, p↔q, brackets), Arabic comma and
///   question mark — shows mirroring bugs. Uses Arabic plural rules.
///
/// Interpolations, `$t(…)` and tags are never changed (in `ar-XB` they are isolated with FSI … PDI).
public enum PseudoLocale: String, Sendable, CaseIterable, Hashable {
    case accented = "en-XA"
    case rightToLeft = "ar-XB"

    /// Whose plural rules the locale uses.
    public var pluralLanguage: Language { self == .accented ? .english : .arabic }

    /// Transforms one English string.
    public func transform(_ value: String) -> String {
        switch self {
        case .accented: Self.accent(value)
        case .rightToLeft: Self.rightToLeftPseudo(value)
        }
    }

    private static let accents: [Character: Character] = [
        "a": "á", "b": "ƀ", "c": "ç", "d": "ð", "e": "é", "f": "ƒ", "g": "ĝ", "h": "ĥ", "i": "í", "j": "ĵ", "k": "ķ", "l": "ļ",
        "m": "ɱ", "n": "ñ", "o": "ö", "p": "þ", "q": "ǫ", "r": "ŕ", "s": "š", "t": "ţ", "u": "û", "v": "ṽ", "w": "ŵ", "x": "ẋ",
        "y": "ý", "z": "ž", "A": "Å", "B": "Ɓ", "C": "Ç", "D": "Ð", "E": "É", "F": "Ƒ", "G": "Ĝ", "H": "Ĥ", "I": "Î", "J": "Ĵ",
        "K": "Ķ", "L": "Ļ", "M": "Ṁ", "N": "Ñ", "O": "Ö", "P": "Þ", "Q": "Ǫ", "R": "Ŕ", "S": "Š", "T": "Ţ", "U": "Û", "V": "Ṽ",
        "W": "Ŵ", "X": "Ẋ", "Y": "Ý", "Z": "Ž",
    ]

    static func accent(_ value: String) -> String {
        let pieces = CatalogTokens.pieces(value)
        let letters = pieces.reduce(0) { count, piece in
            piece.isProtected ? count : count + piece.text.filter(\.isLetter).count
        }
        var padding = Int((Double(letters) * 0.35).rounded(.up))
        var output = "[!! "
        for piece in pieces {
            guard case .text(let text) = piece else { output += piece.text; continue }
            for character in text {
                let accented = accents[character] ?? character
                output.append(accented)
                // Lengthen by repeating vowels until the text is ~35 % longer.
                if padding > 0, "aeiouAEIOU".contains(character) {
                    output.append(accented)
                    padding -= 1
                }
            }
        }
        if padding > 0 { output += " " + String(repeating: "·", count: padding) }
        return output + " !!]"
    }

    private static let mirrors: [Character: Character] = [
        "b": "d", "d": "b", "p": "q", "q": "p", "(": ")", ")": "(", "[": "]", "]": "[", "<": ">", ">": "<",
        "?": "؟", ",": "،", ";": "؛",
    ]

    static func rightToLeftPseudo(_ value: String) -> String {
        var output = ""
        for piece in CatalogTokens.pieces(value) {
            switch piece {
            case .interpolation(let token), .nesting(let token):
                output += "\u{2068}\(token)\u{2069}"
            case .tag(let token):
                output += token
            case .text(let text):
                // Keep line breaks and surrounding spaces outside the isolate.
                for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if offset > 0 { output += "\n" }
                    let leading = line.prefix { $0 == " " }, trailing = line.reversed().prefix { $0 == " " }
                    let core = line.dropFirst(leading.count).dropLast(min(trailing.count, max(0, line.count - leading.count)))
                    output += leading
                    if !core.isEmpty { output += "\u{2067}" + String(core.map { mirrors[$0] ?? $0 }) + "\u{2069}" }
                    output += String(trailing.prefix(max(0, line.count - leading.count)))
                }
            }
        }
        return output
    }
}
