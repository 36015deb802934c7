/// Finds URLs, handles, hashtags, emoji, code and i18next syntax in plain text.
///
/// Candidates may overlap; ``ProtectionPlan`` keeps the earliest (then the longest).
struct SpanDetector: Sendable {
    let detection: SpanDetection

    func spans(in text: String) -> [DetectedSpan] {
        let s = ScalarText(text)
        var found: [(Range<Int>, SpanKind)] = []
        if detection.contains(.code) { found += code(s).map { ($0, .code) } }
        if detection.contains(.urls) { found += urls(s).map { ($0, .url) } }
        if detection.contains(.handles) { found += handles(s).map { ($0, .handle) } }
        if detection.contains(.hashtags) { found += hashtags(s).map { ($0, .hashtag) } }
        if detection.contains(.i18next) { found += i18next(s) }
        var spans = found.map { DetectedSpan(range: s.byteRange($0.0), kind: $0.1) }
        if detection.contains(.emoji) { spans += emoji(text).map { DetectedSpan(range: $0, kind: .emoji) } }
        return spans
    }

    // MARK: - Code

    /// ```` ```…``` ```` (across lines) and `` `…` `` (within a line, not empty).
    private func code(_ s: ScalarText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s.scalars[i] == "`" else { i += 1; continue }
            if s.matches("```", at: i), let close = find("```", in: s, from: i + 3) {
                spans.append(i..<(close + 3)); i = close + 3; continue
            }
            var j = i + 1
            while j < s.count, s.scalars[j] != "`", s.scalars[j] != "\n" { j += 1 }
            if j < s.count, s.scalars[j] == "`", j > i + 1 {
                spans.append(i..<(j + 1)); i = j + 1
            } else {
                i += 1
            }
        }
        return spans
    }

    private func find(_ word: String, in s: ScalarText, from start: Int) -> Int? {
        var i = start
        while i < s.count {
            if s.matches(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    // MARK: - URLs

    private static let schemes = ["https://", "http://", "at://", "www.", "did:plc:", "did:web:"]

    private func urls(_ s: ScalarText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard !s.isWordScalar(i - 1) || i == 0,
                  let scheme = Self.schemes.first(where: { s.matches($0, at: i) }) else { i += 1; continue }
            var j = i + scheme.unicodeScalars.count
            while j < s.count, Self.isURLScalar(s.scalars[j]) { j += 1 }
            j = trimURLEnd(s, from: i, to: j)
            if j > i + scheme.unicodeScalars.count, s.scalars[(i + scheme.unicodeScalars.count)..<j].contains(where: \.isASCIIAlphanumeric) {
                spans.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return spans
    }

    private static func isURLScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return false }
        if ["<", ">", "\"", "`", "{", "}", "|", "\\", "^"].contains(scalar) { return false }
        if scalar.properties.isEmojiPresentation { return false }
        let category = scalar.properties.generalCategory
        return category != .control && category != .format
    }

    /// Drops trailing punctuation, and closing brackets without an opening one in the URL.
    private func trimURLEnd(_ s: ScalarText, from start: Int, to end: Int) -> Int {
        var j = end
        while j > start {
            let last = s.scalars[j - 1]
            if [".", ",", ";", ":", "!", "?", "'", "\"", "*", "…", "،", "؟", "。"].contains(last) { j -= 1; continue }
            if last == ")" || last == "]" {
                let opener: Unicode.Scalar = last == ")" ? "(" : "["
                let opens = s.scalars[start..<j].filter { $0 == opener }.count
                let closes = s.scalars[start..<j].filter { $0 == last }.count
                if closes > opens { j -= 1; continue }
            }
            break
        }
        return j
    }

    // MARK: - Handles

    /// `@name`, `@alice.bsky.social` (not after a word character), and e-mail addresses.
    private func handles(_ s: ScalarText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s.scalars[i] == "@" else { i += 1; continue }
            let end = domainEnd(s, from: i + 1)
            guard end > i + 1 else { i += 1; continue }
            if i > 0, Self.isLocalPartScalar(s.scalars[i - 1]) {
                var start = i
                while start > 0, Self.isLocalPartScalar(s.scalars[start - 1]) { start -= 1 }
                if s.scalars[(i + 1)..<end].contains(".") { spans.append(start..<end) }
            } else if i == 0 || !["@", "/", "."].contains(s.scalars[i - 1]) {
                spans.append(i..<end)
            }
            i = end
        }
        return spans
    }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIAlphanumeric || [".", "_", "%", "+", "-"].contains(scalar)
    }

    /// The end of `label(.label)*` from `start`: ASCII letters, digits, `_` and `-`; a dot only
    /// counts when a label follows it.
    private func domainEnd(_ s: ScalarText, from start: Int) -> Int {
        func isLabel(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCIIAlphanumeric || scalar == "_" || scalar == "-" }
        var j = start
        while j < s.count, isLabel(s.scalars[j]) { j += 1 }
        guard j > start else { return start }
        while j + 1 < s.count, s.scalars[j] == ".", s.scalars[j + 1].isASCIIAlphanumeric {
            j += 1
            while j < s.count, isLabel(s.scalars[j]) { j += 1 }
        }
        while j > start, s.scalars[j - 1] == "-" { j -= 1 }
        return j
    }

    // MARK: - Hashtags

    /// `#` (not after a word character or `&`) and word characters with at least one letter;
    /// not a keycap (`#️⃣`).
    private func hashtags(_ s: ScalarText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s.scalars[i] == "#", !s.isWordScalar(i - 1), i == 0 || s.scalars[i - 1] != "&" else { i += 1; continue }
            var j = i + 1
            while j < s.count, s.scalars[j].isWordScalar { j += 1 }
            if j > i + 1, s.scalars[(i + 1)..<j].contains(where: { $0.properties.isAlphabetic }) {
                spans.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return spans
    }

    // MARK: - Emoji

    /// Runs of emoji grapheme clusters, as byte ranges.
    private func emoji(_ text: String) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var offset = 0
        for character in text {
            let width = character.utf8.count
            if Self.isEmoji(character) {
                if let last = spans.last, last.upperBound == offset {
                    spans[spans.count - 1] = last.lowerBound..<(offset + width)
                } else {
                    spans.append(offset..<(offset + width))
                }
            }
            offset += width
        }
        return spans
    }

    /// Pictographs shown as emoji, emoji made so by U+FE0F, keycaps, flags, skin-tone modifiers.
    static func isEmoji(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        if scalars.contains(where: { $0.value == 0x20E3 }) { return true }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return true }
        if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.properties.isEmojiModifier }) { return true }
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return true }
        return first.value >= 0x1F000 && first.properties.isEmoji
    }

    // MARK: - i18next

    /// `{{…}}`, `$t(…)` and tags `<name>`, `</name>`, `<name/>`, `<1>`.
    private func i18next(_ s: ScalarText) -> [(Range<Int>, SpanKind)] {
        var spans: [(Range<Int>, SpanKind)] = []
        var i = 0
        while i < s.count {
            if let end = interpolationEnd(s, i) {
                spans.append((i..<end, .interpolation)); i = end
            } else if let end = nestingEnd(s, i) {
                spans.append((i..<end, .interpolation)); i = end
            } else if let end = tagEnd(s, i) {
                spans.append((i..<end, .markupTag)); i = end
            } else {
                i += 1
            }
        }
        return spans
    }

    private func interpolationEnd(_ s: ScalarText, _ i: Int) -> Int? {
        guard s.matches("{{", at: i) else { return nil }
        var j = i + 2
        while j + 1 < s.count {
            if s.scalars[j] == "}" { return s.scalars[j + 1] == "}" ? j + 2 : nil }
            if s.scalars[j] == "{" { return nil }
            j += 1
        }
        return nil
    }

    private func nestingEnd(_ s: ScalarText, _ i: Int) -> Int? {
        guard s.matches("$t(", at: i) else { return nil }
        var depth = 0
        var j = i + 2
        while j < s.count {
            if s.scalars[j] == "(" { depth += 1 }
            if s.scalars[j] == ")" { depth -= 1; if depth == 0 { return j + 1 } }
            j += 1
        }
        return nil
    }

    private func tagEnd(_ s: ScalarText, _ i: Int) -> Int? {
        guard s.scalars[i] == "<" else { return nil }
        var j = i + 1
        if j < s.count, s.scalars[j] == "/" { j += 1 }
        let nameStart = j
        while j < s.count, s.scalars[j].isASCIIAlphanumeric { j += 1 }
        guard j > nameStart else { return nil }
        while j < s.count, s.scalars[j] == " " || s.scalars[j] == "\t" { j += 1 }
        if j < s.count, s.scalars[j] == "/" { j += 1 }
        guard j < s.count, s.scalars[j] == ">" else { return nil }
        return j + 1
    }
}
