import Catalogs
import Languages

/// The mechanical fixes machine output for a right-to-left target gets before QA, so that a
/// sound translation is not refused for bidi hygiene the engine cannot know about:
/// interpolations and `$t()` wrapped in FSI … PDI, Latin runs (brand names, handles) isolated,
/// and for Arabic script Latin `? , ;` replaced by `؟ ، ؛` and kashida removed. Protected
/// pieces (`{{…}}`, `$t(…)`, tags) are never changed inside. Left-to-right targets pass as is.
enum PretranslationPostEdit {
    static let openers: Set<Unicode.Scalar> = [Bidi.fsi, Bidi.lri, Bidi.rli]

    static func apply(_ text: String, language: Language) -> String {
        guard language.direction == .rightToLeft,
              CatalogTokens.plainText(text).unicodeScalars.contains(where: isRTLLetter) else { return text }
        let arabicScript = language.script == "Arab"
        let pieces = CatalogTokens.pieces(text)
        var output = String.UnicodeScalarView()
        var depth = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .interpolation(let token), .nesting(let token):
                let opened = output.last.map { openers.contains($0) } ?? false
                let closed = index + 1 < pieces.count && pieces[index + 1].text.unicodeScalars.first == Bidi.pdi
                if opened && closed {
                    output.append(contentsOf: token.unicodeScalars)
                } else {
                    output.append(Bidi.fsi)
                    output.append(contentsOf: token.unicodeScalars)
                    output.append(Bidi.pdi)
                }
            case .tag(let tag):
                output.append(contentsOf: tag.unicodeScalars)
            case .text(let segment):
                output.append(contentsOf: fixText(segment, arabicScript: arabicScript, depth: &depth).unicodeScalars)
            }
        }
        return String(output)
    }

    /// Punctuation, kashida and Latin runs of one plain piece; `depth` is the isolate depth,
    /// carried across pieces.
    private static func fixText(_ segment: String, arabicScript: Bool, depth: inout Int) -> String {
        let replacements: [Unicode.Scalar: Unicode.Scalar] = [",": "\u{060C}", "?": "\u{061F}", ";": "\u{061B}"]
        var output = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        func flushRun() {
            guard !run.isEmpty else { return }
            // Trailing spaces and punctuation stay outside the isolate.
            var trailing = String.UnicodeScalarView()
            while let last = run.last, !isLatinLetter(last), !("0"..."9").contains(last) {
                trailing.insert(run.removeLast(), at: trailing.startIndex)
            }
            output.append(Bidi.fsi)
            output.append(contentsOf: run)
            output.append(Bidi.pdi)
            output.append(contentsOf: trailing)
            run = String.UnicodeScalarView()
        }
        for scalar in segment.unicodeScalars {
            if scalar == Bidi.pdi { flushRun(); depth = max(0, depth - 1); output.append(scalar); continue }
            if Bidi.isolateControls.contains(scalar) { flushRun(); depth += 1; output.append(scalar); continue }
            if arabicScript && scalar == "\u{0640}" { continue }
            if depth == 0 {
                if isLatinLetter(scalar) || (!run.isEmpty && (scalar == " " || scalar == "." || scalar == "@" || scalar == "-" || ("0"..."9").contains(scalar))) {
                    run.append(scalar)
                    continue
                }
                flushRun()
            }
            if arabicScript, let replacement = replacements[scalar] {
                output.append(replacement)
            } else {
                output.append(scalar)
            }
        }
        flushRun()
        return String(output)
    }

    static func isRTLLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || ((0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7)
    }
}
