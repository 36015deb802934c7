import Foundation

/// Splits text into the words glossary matching compares.
enum GlossaryWords {
    private static let edges = CharacterSet(charactersIn: "'-")

    /// Words: runs of letters, digits, marks, `_`, `-` and (for Hausa `Al'umma`) `'`.
    static func tokens(_ text: String, apostrophes: Bool = true) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "_" || scalar == "-" || (apostrophes && scalar == "'")
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.map { $0.trimmingCharacters(in: edges) }.filter { !$0.isEmpty }
    }
}
