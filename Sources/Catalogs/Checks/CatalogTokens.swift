import Languages

/// The protected pieces of a catalog string: `{{…}}` interpolations, `$t(…)` nesting and
/// `<tag>` markup — what translators must keep and pseudo-localization must not touch.
public enum CatalogTokens {
    /// A piece of a value: protected or plain text.
    public enum Piece: Sendable, Hashable {
        case interpolation(String)
        case nesting(String)
        case tag(String)
        case text(String)

        public var text: String {
            switch self {
            case .interpolation(let s), .nesting(let s), .tag(let s), .text(let s): s
            }
        }

        public var isProtected: Bool {
            if case .text = self { return false }
            return true
        }
    }

    /// Splits `value` into pieces, in order.
    public static func pieces(_ value: String) -> [Piece] {
        let scalars = Array(value.unicodeScalars)
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var index = 0
        func flush() {
            if !text.isEmpty { pieces.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        while index < scalars.count {
            if let end = interpolationEnd(scalars, index) {
                flush(); pieces.append(.interpolation(string(scalars[index..<end]))); index = end
            } else if let end = nestingEnd(scalars, index) {
                flush(); pieces.append(.nesting(string(scalars[index..<end]))); index = end
            } else if let end = tagEnd(scalars, index) {
                flush(); pieces.append(.tag(string(scalars[index..<end]))); index = end
            } else {
                text.append(scalars[index]); index += 1
            }
        }
        flush()
        return pieces
    }

    public static func interpolations(_ value: String) -> [String] {
        pieces(value).compactMap { if case .interpolation(let s) = $0 { s } else { nil } }
    }

    public static func nestings(_ value: String) -> [String] {
        pieces(value).compactMap { if case .nesting(let s) = $0 { s } else { nil } }
    }

    public static func tags(_ value: String) -> [String] {
        pieces(value).compactMap { if case .tag(let s) = $0 { s } else { nil } }
    }

    /// The plain text with every protected piece replaced by a space and isolates removed.
    public static func plainText(_ value: String) -> String {
        let joined = pieces(value).map { $0.isProtected ? " " : $0.text }.joined()
        let stripped = String(String.UnicodeScalarView(joined.unicodeScalars.filter { !Bidi.isolateControls.contains($0) }))
        return stripped.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether an interpolation names the plural variable `count` (`{{count}}`, `{{count, number}}`).
    static func isCount(_ interpolation: String) -> Bool {
        let inner = interpolation.dropFirst(2).dropLast(2).trimming(" -")
        return inner == "count" || inner.hasPrefix("count,")
    }

    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(slice))
    }

    /// `{{` up to the next `}}` with no `{` or `}` between.
    private static func interpolationEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i + 1 < s.count, s[i] == "{", s[i + 1] == "{" else { return nil }
        var j = i + 2
        while j + 1 < s.count {
            if s[j] == "}" { return s[j + 1] == "}" ? j + 2 : nil }
            if s[j] == "{" { return nil }
            j += 1
        }
        return nil
    }

    /// `$t(` up to the next `)` with no `(` between.
    private static func nestingEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i + 2 < s.count, s[i] == "$", s[i + 1] == "t", s[i + 2] == "(" else { return nil }
        var j = i + 3
        while j < s.count {
            if s[j] == ")" { return j + 1 }
            if s[j] == "(" { return nil }
            j += 1
        }
        return nil
    }

    /// `<name>`, `</name>`, `<name/>`, `<1>`: ASCII letters and digits, optional space before `/` or `>`.
    private static func tagEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard s[i] == "<" else { return nil }
        var j = i + 1
        if j < s.count, s[j] == "/" { j += 1 }
        let nameStart = j
        while j < s.count, s[j].isASCIIAlphanumeric { j += 1 }
        guard j > nameStart else { return nil }
        while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        if j < s.count, s[j] == "/" { j += 1 }
        guard j < s.count, s[j] == ">" else { return nil }
        return j + 1
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    func trimming(_ set: String) -> String { String(self).trimming(set) }
}
