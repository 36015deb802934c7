/// Finds glossary terms for protection in machine translation: exactly as the term is written
/// (any letter case unless the term is case-sensitive), on word boundaries, longest term first
/// at each position. Exact, because the match is cut out of the text and replaced.
///
/// Its counterpart for catalog checks is ``InflectedTermMatcher``, which also accepts English
/// inflections of a term's last word.
///
/// ```swift
/// let matcher = ExactTermMatcher([GlossaryRule(source: "room", target: "sala")])
/// matcher.occurrences(in: "Rooms: the Room")   // one, bytes 11..<15, replacement "Sala"
/// ```
public struct ExactTermMatcher: Sendable {
    private struct Prepared: Sendable {
        let rule: GlossaryRule
        let characters: [Character]
        let folded: [String]
    }

    private let rules: [Prepared]

    public init(_ rules: [GlossaryRule]) {
        self.rules = rules
            .filter { !$0.source.isEmpty }
            .map { rule in
                let characters = Array(rule.source)
                return Prepared(rule: rule, characters: characters, folded: characters.map { String($0).lowercased() })
            }
            .sorted { $0.characters.count > $1.characters.count }
    }

    public var isEmpty: Bool { rules.isEmpty }

    /// Every match of every term (overlaps included: the caller picks among them).
    public func occurrences(in text: String) -> [TermOccurrence] {
        guard !rules.isEmpty else { return [] }
        let characters = Array(text)
        let folded = characters.map { String($0).lowercased() }
        var offsets: [Int] = []
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
        var found: [TermOccurrence] = []
        for start in characters.indices {
            for prepared in rules where matches(prepared, characters, folded, at: start) {
                let end = start + prepared.characters.count
                let matched = String(characters[start..<end])
                let output = prepared.rule.doNotTranslate ? matched : targetForm(prepared.rule, matched: matched)
                found.append(TermOccurrence(
                    range: offsets[start]..<offsets[end],
                    doNotTranslate: prepared.rule.doNotTranslate,
                    replacement: output == matched ? nil : output
                ))
            }
        }
        return found
    }

    private func matches(_ prepared: Prepared, _ characters: [Character], _ folded: [String], at start: Int) -> Bool {
        let end = start + prepared.characters.count
        guard end <= characters.count else { return false }
        for k in 0..<prepared.characters.count {
            let same = prepared.rule.caseSensitive
                ? characters[start + k] == prepared.characters[k]
                : folded[start + k] == prepared.folded[k]
            if !same { return false }
        }
        if let first = prepared.characters.first, Self.isWord(first), start > 0, Self.isWord(characters[start - 1]) { return false }
        if let last = prepared.characters.last, Self.isWord(last), end < characters.count, Self.isWord(characters[end]) { return false }
        return true
    }

    /// A letter, digit, mark or underscore.
    private static func isWord(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || scalar == "_"
    }

    /// The target, with an initial capital when the match had one and the source term did not.
    private func targetForm(_ rule: GlossaryRule, matched: String) -> String {
        guard !rule.caseSensitive,
              let matchedFirst = matched.first, matchedFirst.isUppercase,
              let sourceFirst = rule.source.first, !sourceFirst.isUppercase,
              let targetFirst = rule.target.first, targetFirst.isLowercase else { return rule.target }
        return targetFirst.uppercased() + rule.target.dropFirst()
    }
}
