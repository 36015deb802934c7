import Languages

extension Glossary {
    /// Problems in the glossary itself, for `parley glossary check` and catalog lint: broken
    /// rows, empty cells, stray spaces, do-not-translate rows that differ, the same English
    /// term twice (duplicate), and one target term used for two concepts (conflict).
    public func problems() -> [GlossaryProblem] {
        var findings = cellProblems
        let languages = Language.allCases.filter { language in rows.contains { $0.cells[language] != nil } }
        var firstUse: [Language: [String: String]] = [:]
        for row in rows {
            for language in languages {
                guard let value = row.cells[language], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    findings.append(GlossaryProblem(language: language, origin: row.origin, message: "empty \(language.code) cell"))
                    continue
                }
                if value != value.trimmingCharacters(in: .whitespaces) || value.contains("  ") {
                    findings.append(GlossaryProblem(.warning, language: language, origin: row.origin, message: "stray spaces in '\(value)'"))
                }
                if value.contains(";") || value.contains("|") {
                    findings.append(GlossaryProblem(.warning, language: language, origin: row.origin, message: "'\(value)' looks like several synonyms; use one term per concept"))
                }
                if row.dnt, let english = row.cells[.english], value != english {
                    findings.append(GlossaryProblem(language: language, origin: row.origin, message: "do-not-translate term '\(english)' is '\(value)' here"))
                }
                let folded = value.trimmingCharacters(in: .whitespaces).lowercased()
                if let earlier = firstUse[language]?[folded] {
                    if language == .english {
                        findings.append(GlossaryProblem(language: language, origin: row.origin, message: "duplicate: '\(value)' is already defined at \(earlier)"))
                    } else if !row.dnt {
                        findings.append(GlossaryProblem(language: language, origin: row.origin, message: "conflict: '\(value)' is also the \(language.code) term at \(earlier)"))
                    }
                } else {
                    firstUse[language, default: [:]][folded] = row.origin
                }
            }
        }
        return findings
    }
}
