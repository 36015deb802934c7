internal import CParleyICU

/// Splits text into sentences with ICU's sentence break rules for a locale.
///
/// Used where a backend cannot take long input (nllb-serve cuts output at 80 tokens): the
/// text is sent sentence by sentence and rejoined. Concatenating the returned pieces gives
/// back the input exactly (trailing spaces stay with their sentence).
public struct SentenceBreaker: Sendable {
    /// The ICU locale identifier, e.g. `"en"`.
    public let locale: String

    public init(locale: String) {
        self.locale = locale
    }

    /// The sentences of `text`, in order, white space included.
    public func sentences(in text: String) -> [Substring] {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var boundaries = [Int32](repeating: 0, count: max(8, units.count / 16))
        var count = parley_sentence_boundaries(locale, units, Int32(units.count), &boundaries, Int32(boundaries.count))
        if count > Int32(boundaries.count) {
            boundaries = [Int32](repeating: 0, count: Int(count))
            count = parley_sentence_boundaries(locale, units, Int32(units.count), &boundaries, Int32(boundaries.count))
        }
        guard count > 0 else { return [text[...]] }
        var pieces: [Substring] = []
        var start = text.startIndex
        for boundary in boundaries.prefix(Int(count)) {
            // ICU breaks only between code points, so the UTF-16 offset is a valid String index.
            let end = text.utf16.index(text.utf16.startIndex, offsetBy: Int(boundary))
            if end > start {
                pieces.append(text[start..<end])
                start = end
            }
        }
        if start < text.endIndex { pieces.append(text[start...]) }
        return pieces
    }
}
