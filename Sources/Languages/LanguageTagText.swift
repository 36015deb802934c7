/// Character tests and trimming shared by the parsers of language tags (``Language`` and
/// ``LanguageRegistry``): tags are ASCII, whatever else a client sends around them.
extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}

extension String {
    /// The text without leading and trailing white space.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
