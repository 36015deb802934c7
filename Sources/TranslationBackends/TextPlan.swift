import Foundation
import Languages

/// A text cut into the parts that go to a server and the parts kept as they are (white space
/// around sentences, HTML tags, runs without letters), so that the translations of the sent
/// parts can be put back in place.
struct TextPlan: Sendable, Equatable {
    /// One part of the text, in order.
    enum Piece: Sendable, Equatable {
        /// Kept byte for byte.
        case verbatim(String)
        /// Sent to the server; never starts or ends with white space.
        case translate(String)
    }

    /// How long a part sent to the server may be.
    enum Mode: Sendable {
        /// Every sentence on its own; a sentence longer than `maxScalars` is cut at word
        /// boundaries (nllb-serve, whose output stops at 80 tokens).
        case sentences(maxScalars: Int)
        /// As few parts as possible, each at most `maxScalars` Unicode scalars, cut between
        /// sentences, or between words inside an over-long sentence (nllb-api's 4096 limit).
        case chunks(maxScalars: Int)
    }

    var pieces: [Piece]

    /// The parts to send, in order.
    var segments: [String] {
        pieces.compactMap { if case .translate(let text) = $0 { text } else { nil } }
    }

    /// The text with the `translations` of ``segments`` (same order and count) put in place.
    /// White space the server added around a translation is dropped; the original's stays.
    func rejoined(with translations: some Sequence<String>) -> String {
        var iterator = translations.makeIterator()
        var result = ""
        for piece in pieces {
            switch piece {
            case .verbatim(let text):
                result += text
            case .translate:
                result += (iterator.next() ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return result
    }

    /// Plans `text` written in the language of `locale` for a server with the limits of `mode`.
    init(_ text: String, locale: String, format: TextFormat, mode: Mode) {
        var pieces: [Piece] = []
        let regions = format == .html ? Self.htmlRegions(text) : [(text[...], false)]
        for (region, isMarkup) in regions {
            if isMarkup {
                pieces.append(.verbatim(String(region)))
                continue
            }
            for part in Self.parts(of: region, locale: locale, mode: mode) {
                pieces.append(contentsOf: Self.pieces(for: part))
            }
        }
        self.pieces = Self.merged(pieces)
    }

    // MARK: - Cutting

    /// The contiguous parts of `region` to send, white space still attached.
    private static func parts(of region: Substring, locale: String, mode: Mode) -> [Substring] {
        switch mode {
        case .sentences(let maxScalars):
            return sentences(of: region, locale: locale).flatMap { split($0, maxScalars: maxScalars) }
        case .chunks(let maxScalars):
            if region.unicodeScalars.count <= maxScalars { return [region] }
            let units = sentences(of: region, locale: locale).flatMap { split($0, maxScalars: maxScalars) }
            var chunks: [Substring] = []
            var start: String.Index?
            var end = region.startIndex
            var size = 0
            for unit in units {
                let unitSize = unit.unicodeScalars.count
                if let chunkStart = start, size + unitSize > maxScalars {
                    chunks.append(region[chunkStart..<end])
                    start = nil
                    size = 0
                }
                if start == nil { start = unit.startIndex }
                end = unit.endIndex
                size += unitSize
            }
            if let start { chunks.append(region[start..<end]) }
            return chunks
        }
    }

    /// ICU sentences of `region` (white space stays with the sentence it follows).
    private static func sentences(of region: Substring, locale: String) -> [Substring] {
        let text = String(region)
        let breaker = SentenceBreaker(locale: locale)
        // Map the pieces of the copy back onto `region`'s indices by their lengths.
        var result: [Substring] = []
        var index = region.startIndex
        for sentence in breaker.sentences(in: text) {
            let end = region.unicodeScalars.index(index, offsetBy: sentence.unicodeScalars.count)
            result.append(region[index..<end])
            index = end
        }
        if index < region.endIndex { result.append(region[index...]) }
        return result
    }

    /// Cuts `text` into pieces of at most `maxScalars` Unicode scalars, after white space
    /// where possible, else between characters.
    static func split(_ text: Substring, maxScalars: Int) -> [Substring] {
        let limit = max(1, maxScalars)
        var result: [Substring] = []
        var start = text.startIndex
        while text[start...].unicodeScalars.count > limit {
            var count = 0
            var index = start
            var lastBreak: String.Index?
            while index < text.endIndex {
                let character = text[index]
                let size = character.unicodeScalars.count
                if count + size > limit { break }
                count += size
                index = text.index(after: index)
                if character.isWhitespace { lastBreak = index }
            }
            var cut = lastBreak ?? index
            if cut == start { cut = text.index(after: start) }
            result.append(text[start..<cut])
            start = cut
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Leading white space, the part to send, trailing white space — or all verbatim when
    /// there is nothing to translate in it (no letters or digits).
    private static func pieces(for part: Substring) -> [Piece] {
        guard part.contains(where: { $0.isLetter || $0.isNumber }) else { return [.verbatim(String(part))] }
        let coreStart = part.firstIndex(where: { !$0.isWhitespace }) ?? part.endIndex
        let coreEnd = part.lastIndex(where: { !$0.isWhitespace }).map { part.index(after: $0) } ?? coreStart
        var pieces: [Piece] = []
        if coreStart > part.startIndex { pieces.append(.verbatim(String(part[..<coreStart]))) }
        pieces.append(.translate(String(part[coreStart..<coreEnd])))
        if coreEnd < part.endIndex { pieces.append(.verbatim(String(part[coreEnd...]))) }
        return pieces
    }

    /// Joins neighbouring verbatim pieces.
    private static func merged(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        for piece in pieces {
            if case .verbatim(let text) = piece, case .verbatim(let previous)? = result.last {
                result[result.count - 1] = .verbatim(previous + text)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    // MARK: - HTML

    /// `text` cut into markup (`<…>` tags, comments) and the text between them.
    private static func htmlRegions(_ text: String) -> [(Substring, Bool)] {
        var regions: [(Substring, Bool)] = []
        var textStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "<" else {
                index = text.index(after: index)
                continue
            }
            let next = text.index(after: index)
            guard next < text.endIndex, text[next].isLetter || "/!?".contains(text[next]) else {
                index = next
                continue
            }
            let close: String.Index?
            if text[next...].hasPrefix("!--") {
                close = text[next...].range(of: "-->").map { text.index(before: $0.upperBound) }
            } else {
                close = text[next...].firstIndex(of: ">")
            }
            guard let close else { break }
            if textStart < index { regions.append((text[textStart..<index], false)) }
            let tagEnd = text.index(after: close)
            regions.append((text[index..<tagEnd], true))
            textStart = tagEnd
            index = tagEnd
        }
        if textStart < text.endIndex { regions.append((text[textStart...], false)) }
        return regions
    }
}
