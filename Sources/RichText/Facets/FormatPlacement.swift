/// Shared steps for placing formatting facets in a translation.
enum FormatPlacement {
    /// Pieces of one formatting span, joined where they touch or only white space separates them.
    static func merge(_ ranges: [Range<Int>], in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, last.upperBound <= range.lowerBound,
               bytes[last.upperBound..<range.lowerBound].allSatisfy(UTF8Bytes.isASCIIWhitespace) {
                result[result.count - 1] = last.lowerBound..<range.upperBound
            } else if let last = result.last, last.upperBound > range.lowerBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// `range` without edge white space, except where the source span had white space there too.
    static func trim(_ range: Range<Int>, in bytes: [UInt8], like source: Range<Int>, source sourceBytes: [UInt8]) -> Range<Int> {
        guard !range.isEmpty else { return range }
        let sourceText = UTF8Bytes.string(sourceBytes, source)
        let keepLeading = sourceText.first?.isWhitespace ?? false
        let keepTrailing = sourceText.last?.isWhitespace ?? false
        let text = UTF8Bytes.string(bytes, range)
        let lead = keepLeading ? 0 : UTF8Bytes.leadingWhitespace(text[...])
        if lead == text.utf8.count { return range.lowerBound..<range.lowerBound }
        let trail = keepTrailing ? 0 : UTF8Bytes.trailingWhitespace(text[...])
        return (range.lowerBound + lead)..<(range.upperBound - trail)
    }

    /// Facets by start, longer first at the same start.
    static func sorted(_ facets: [Facet]) -> [Facet] {
        facets.enumerated().sorted { a, b in
            (a.element.index.byteStart, -a.element.index.byteEnd, a.offset) < (b.element.index.byteStart, -b.element.index.byteEnd, b.offset)
        }.map(\.element)
    }
}
