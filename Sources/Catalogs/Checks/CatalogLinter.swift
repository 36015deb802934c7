import Glossary
import Languages

/// The QA checks of one value against its English source (see ``CatalogCheck`` for the list).
///
/// ```swift
/// let linter = CatalogLinter(glossary: glossary)
/// let findings = linter.check(language: .arabic, namespace: "rooms", key: "room.joined",
///                             source: .text("You joined {{room}}"), target: .text("انضممت إلى {{room}}"))
/// // [bidi-interpolation: {{room}} next to RTL text is not wrapped in FSI … PDI]
/// ```
/// The same checks run on catalog files (`parley catalog lint`) and on save.
public struct CatalogLinter: Sendable {
    public var glossary: Glossary?
    /// Words that may stay as in English (brand names); glossary do-not-translate terms are added.
    public var sameAsSourceAllowlist: [String]

    /// Brand names and loanwords that are the same in every language.
    public static let defaultAllowlist = ["protoimsg", "AT Protocol", "atproto", "Bluesky", "Germ", "DID", "PDS", "GIF", "MB", "IP", "Spam"]

    public init(glossary: Glossary? = nil, sameAsSourceAllowlist: [String] = CatalogLinter.defaultAllowlist) {
        self.glossary = glossary
        let dnt = glossary?.terms.filter(\.doNotTranslate).map(\.english) ?? []
        self.sameAsSourceAllowlist = Array(Set(sameAsSourceAllowlist + dnt)).sorted { $0.count > $1.count }
    }

    /// Every finding for `target` in `language`, compared with the English `source` (`nil`
    /// when the key has no source; then only the checks that need none run).
    public func check(language: Language, namespace: String? = nil, key: String, source: CatalogValue?, target: CatalogValue) -> [CatalogFinding] {
        var findings: [CatalogFinding] = []
        func add(_ check: CatalogCheck, _ where_: String, _ message: String, severity: CatalogSeverity? = nil) {
            findings.append(CatalogFinding(check, severity: severity, language: language.code, namespace: namespace, key: where_, message: message))
        }
        switch target {
        case .text(let text):
            if let source, source.isPlural {
                add(.structure, key, "the source is a plural group (\(key)_one, \(key)_other); this is a plain string")
            }
            checkText(language: language, key: key, category: nil, source: source.map(\.representative), sourceOne: nil, text: text, add: add)
        case .plural(let forms):
            let expected = language.plurals.categories(.cardinal)
            let actual = forms.map(\.category)
            if Set(actual) != Set(expected) || actual.count != expected.count {
                let missing = expected.filter { !actual.contains($0) }.map(\.rawValue)
                let extra = actual.filter { !expected.contains($0) }.map(\.rawValue)
                var parts: [String] = []
                if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("not used in \(language.code): \(extra.joined(separator: ", "))") }
                if parts.isEmpty { parts.append("a category appears twice") }
                add(.pluralForms, key, "\(language.code) plural forms are \(expected.map(\.rawValue).joined(separator: " ")) (CLDR via ICU); \(parts.joined(separator: "; "))")
            } else if actual != expected {
                add(.keyOrder, key, "plural forms should be in CLDR order: \(expected.map(\.rawValue).joined(separator: " "))")
            }
            if let source, !source.isPlural {
                add(.structure, key, "the source is a plain string; this is a plural group")
            }
            let sourceOther = source.map { $0.form(.other) ?? $0.representative }
            let sourceOne = source?.form(.one)
            for form in forms {
                checkText(language: language, key: "\(key)_\(form.category.rawValue)", category: form.category, source: sourceOther,
                          sourceOne: sourceOne, text: form.text, add: add)
            }
        }
        return findings
    }

    private func checkText(
        language: Language, key: String, category: PluralCategory?, source: String?, sourceOne: String?, text: String,
        add: (CatalogCheck, String, String, CatalogSeverity?) -> Void
    ) {
        if text.trimming(" \t\n\r").isEmpty {
            add(.empty, key, "empty value", nil)
            return
        }
        if let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace {
            add(.whitespace, key, "leading or trailing whitespace", nil)
        }
        if text.contains("  ") || text.contains("\t") || text.contains(" \n") || text.contains("\n ") {
            add(.whitespace, key, "double space, tab or space around a line break", nil)
        }
        if language.direction == .rightToLeft {
            RTLChecks.check(text, language: language, key: key) { check, message in add(check, key, message, nil) }
        }
        guard let source, language != .english else { return }
        let sourceBreaks = source.filter { $0 == "\n" }.count, breaks = text.filter { $0 == "\n" }.count
        if sourceBreaks != breaks {
            add(.newlines, key, "\(breaks) line breaks, the source has \(sourceBreaks)", nil)
        }
        var sourceInterpolations = CatalogTokens.interpolations(source)
        var targetInterpolations = CatalogTokens.interpolations(text)
        if category == .one, let sourceOne, !CatalogTokens.interpolations(sourceOne).contains(where: CatalogTokens.isCount) {
            // The source's own `one` form omits the number ("a member"), so the target may too.
            if !targetInterpolations.contains(where: CatalogTokens.isCount) {
                sourceInterpolations.removeAll(where: CatalogTokens.isCount)
                targetInterpolations.removeAll(where: CatalogTokens.isCount)
            }
        }
        compare(.placeholders, key, sourceInterpolations, targetInterpolations, add)
        compare(.nesting, key, CatalogTokens.nestings(source), CatalogTokens.nestings(text), add)
        compare(.markup, key, CatalogTokens.tags(source), CatalogTokens.tags(text), add)
        let withoutIsolates = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Bidi.isolateControls.contains($0) }))
        if withoutIsolates == source {
            var letters = CatalogTokens.plainText(source)
            for word in sameAsSourceAllowlist { letters = letters.replacingAll(word, with: " ") }
            if letters.contains(where: \.isLetter) {
                add(.sameAsSource, key, "identical to the English source", nil)
            }
        }
        let sourceLength = CatalogTokens.plainText(source).count, targetLength = CatalogTokens.plainText(text).count
        if sourceLength >= 12, targetLength > 3 * sourceLength || targetLength * 3 < sourceLength {
            add(.lengthRatio, key, "\(targetLength) characters, the source has \(sourceLength)", nil)
        }
        if let glossary {
            let plain = CatalogTokens.plainText(text)
            for term in glossary.hits(inSource: source) {
                guard let wanted = term.terms[language] else { continue }
                if term.doNotTranslate {
                    if !plain.contains(wanted) { add(.glossaryDoNotTranslate, key, "'\(wanted)' must stay as written", nil) }
                } else if !TargetTermCheck.uses(wanted, in: plain, language: language) {
                    add(.glossaryTerm, key, "glossary: '\(term.english)' is '\(wanted)' in \(language.code)", nil)
                }
            }
        }
    }

    private func compare(_ check: CatalogCheck, _ key: String, _ source: [String], _ target: [String], _ add: (CatalogCheck, String, String, CatalogSeverity?) -> Void) {
        guard source.sorted() != target.sorted() else { return }
        var missing = source, extra: [String] = []
        for token in target {
            if let index = missing.firstIndex(of: token) { missing.remove(at: index) } else { extra.append(token) }
        }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: " "))") }
        if !extra.isEmpty { parts.append("not in the source: \(extra.joined(separator: " "))") }
        add(check, key, parts.joined(separator: "; "), nil)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedByString: target).joined(separator: replacement)
    }

    private func components(separatedByString separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
