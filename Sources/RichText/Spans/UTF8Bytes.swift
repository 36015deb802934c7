/// Small helpers over UTF-8 byte arrays.
enum UTF8Bytes {
    /// Whether `offset` is at the start of a UTF-8 sequence (or at the end of the bytes).
    static func isBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        if offset == bytes.count { return true }
        guard offset >= 0, offset < bytes.count else { return false }
        return bytes[offset] & 0xC0 != 0x80
    }

    /// The text of `bytes[range]` (both ends on boundaries).
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether the byte is ASCII white space (space, tab, line feed, carriage return, …).
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The length of the white space at the start of `text`.
    static func leadingWhitespace(_ text: Substring) -> Int {
        text.prefix(while: \.isWhitespace).utf8.count
    }

    /// The length of the white space at the end of `text`.
    static func trailingWhitespace(_ text: Substring) -> Int {
        String(text.reversed().prefix(while: \.isWhitespace)).utf8.count
    }

    /// The range with white space trimmed from both ends; empty ranges collapse to their start.
    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        let text = Substring(string(bytes, range))
        let lead = leadingWhitespace(text)
        if lead == text.utf8.count { return range.lowerBound..<range.lowerBound }
        let trail = trailingWhitespace(text)
        return (range.lowerBound + lead)..<(range.upperBound - trail)
    }

    /// Whether `text` has a letter (anything else — digits, punctuation, emoji — is not translated).
    static func hasLetter(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}

extension UTF8Bytes {
    /// How many white-space characters end `text`.
    static func trailingWhitespaceCharacters(_ text: String) -> Int {
        text.reversed().prefix(while: \.isWhitespace).count
    }
}
