/// Cuts word windows out of lines, the way the evaluation set cuts 1–2-word snippets from
/// longer lines. Deterministic given the generator.
enum TextWindows {
    /// Words of a line, split on white space.
    static func words(_ line: String) -> [Substring] {
        line.split(whereSeparator: \.isWhitespace)
    }

    /// A random window of `length` consecutive words (the whole line when it is shorter).
    static func window(_ words: [Substring], length: Int, rng: inout SplitMix64) -> String {
        guard words.count > length else { return words.joined(separator: " ") }
        let start = rng.int(in: 0...(words.count - length))
        return words[start..<(start + length)].joined(separator: " ")
    }
}
