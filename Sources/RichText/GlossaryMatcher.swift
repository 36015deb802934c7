/// Finds glossary terms in a text on word boundaries, longest term first at each position.
struct GlossaryMatcher: Sendable {
    private struct Prepared: Sendable {
        let rule: GlossaryRule
        let characters: [Character]
        let folded: [String]
    }

    private let rules: [Prepared]

    init(_ rules: [GlossaryRule]) {
        self.rules = rules
            .filter { !$0.source.isEmpty }
            .map { rule in
                let characters = Array(rule.source)
                return Prepared(rule: rule, characters: characters, folded: characters.map { String($0).lowercased() })
            }
            .sorted { $0.characters.count > $1.characters.count }
    }

    var isEmpty: Bool { rules.isEmpty }

    /// Every match of every term, as spans whose replacement is the term's output form.
    func spans(in text: String) -> [DetectedSpan] {
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
        var spans: [DetectedSpan] = []
        for start in characters.indices {
            for prepared in rules where matches(prepared, characters, folded, at: start) {
                let end = start + prepared.characters.count
                let matched = String(characters[start..<end])
                let output = prepared.rule.doNotTranslate ? matched : targetForm(prepared.rule, matched: matched)
                spans.append(DetectedSpan(
                    range: offsets[start]..<offsets[end],
                    kind: prepared.rule.doNotTranslate ? .glossaryKeep : .glossaryForce,
                    replacement: output == matched ? nil : Array(output.utf8)
                ))
            }
        }
        return spans
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

    private static func isWord(_ character: Character) -> Bool {
        character.unicodeScalars.first?.isWordScalar ?? false
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
