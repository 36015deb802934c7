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
        case .literal(let json):
            switch source {
            case .literal(let wanted)? where wanted != json:
                add(.structure, key, "a fixed value: the source has \(wanted), keep it as it is")
            case .text?, .plural?:
                add(.structure, key, "the source is a string; this is a fixed value (\(json))")
            default:
                break
            }
        case .text(let text):
            if let source, source.isPlural {
                add(.structure, key, "the source is a plural group (\(key)_one, \(key)_other); this is a plain string")
            } else if case .literal(let wanted)? = source {
                add(.structure, key, "a fixed value: the source has \(wanted), keep it as it is")
                return findings
            }
            checkText(language: language, key: key, category: nil, source: source.map(\.representative), sourceOne: nil, text: text, add: add)
        case .plural(let forms):
            let expected = language.plurals.categories(.cardinal)
            let actual = forms.map(\.category)
            if Set(actual) != Set(expected) || actual.count != expected.count {
                let missing = expected.filter { !actual.contains($0) }.map { "`\($0.rawValue)`" }
                let extra = actual.filter { !expected.contains($0) }.map { "`\($0.rawValue)`" }
                var parts: [String] = []
                if !missing.isEmpty { parts.append("lacks the form\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))") }
                if !extra.isEmpty { parts.append("has the form\(extra.count > 1 ? "s" : "") \(extra.joined(separator: ", ")), which \(language.code) does not use") }
                if parts.isEmpty { parts.append("has a form twice") }
                add(.pluralForms, key, "plural group `\(key)` \(parts.joined(separator: " and ")) (\(language.code): \(expected.map(\.rawValue).joined(separator: " ")), CLDR via ICU)")
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
        // Whitespace is judged against the source, as Weblate's checks do: an English value
        // may end in a space on purpose (it is concatenated), and the translation must then too.
        if let source, language != .english {
            let leading = (text.prefix { $0.isWhitespace }, source.prefix { $0.isWhitespace })
            let trailing = (String(text.reversed().prefix { $0.isWhitespace }), String(source.reversed().prefix { $0.isWhitespace }))
            if leading.0 != leading.1 {
                add(.whitespace, key, "starts with \(Self.describe(leading.0)), the source with \(Self.describe(leading.1))", nil)
            }
            if trailing.0 != trailing.1 {
                add(.whitespace, key, "ends with \(Self.describe(trailing.0)), the source with \(Self.describe(trailing.1))", nil)
            }
        }
        let spacing = ["  ", "\t", " \n", "\n "]
        if spacing.contains(where: { text.contains($0) && !(source?.contains($0) ?? false) }) {
            add(.whitespace, key, "double space, tab or space around a line break\(source == nil ? "" : " that the source does not have")", nil)
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
        let sourceOmitsCount = category == .one && sourceOne.map { !CatalogTokens.interpolations($0).contains(where: CatalogTokens.isCount) } ?? false
        if let category, sourceOmitsCount || PluralExamples.isExact(category, of: language.plurals) {
            // The source's own `one` form omits the number ("a member"), or the category is one
            // number only (Arabic `one` is 1, `two` is 2): the word says it, the target may omit it.
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

    /// "no whitespace", "1 space", "a line break and 2 spaces"…
    private static func describe<S: StringProtocol>(_ whitespace: S) -> String {
        guard !whitespace.isEmpty else { return "no whitespace" }
        let spaces = whitespace.filter { $0 == " " }.count, breaks = whitespace.filter(\.isNewline).count
        let others = whitespace.count - spaces - breaks
        var parts: [String] = []
        if breaks > 0 { parts.append(breaks == 1 ? "a line break" : "\(breaks) line breaks") }
        if spaces > 0 { parts.append(spaces == 1 ? "a space" : "\(spaces) spaces") }
        if others > 0 { parts.append(others == 1 ? "another whitespace character" : "\(others) other whitespace characters") }
        return parts.joined(separator: " and ")
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
