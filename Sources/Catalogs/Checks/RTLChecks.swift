import Languages

/// The checks for right-to-left targets (Arabic here; any RTL language in general): isolates
/// balanced, no embedding or override controls, interpolations and Latin runs isolated, and for
/// Arabic script Arabic punctuation and no kashida.
enum RTLChecks {
    static func check(_ text: String, language: Language, key: String, report: (CatalogCheck, String) -> Void) {
        let scalars = Array(text.unicodeScalars)
        let controls = Set(scalars.compactMap { Bidi.embeddingControls[$0] }).sorted()
        if !controls.isEmpty {
            report(.bidiControls, "contains \(controls.joined(separator: ", ")); use isolates (FSI U+2068 … PDI U+2069)")
        }
        var depth = 0, underflow = false
        for scalar in scalars {
            if scalar == Bidi.pdi { depth -= 1; if depth < 0 { underflow = true } }
            else if Bidi.isolateControls.contains(scalar) { depth += 1 }
        }
        if depth != 0 || underflow {
            report(.bidiIsolates, "isolates are not balanced: every FSI/LRI/RLI needs one PDI after it")
        }
        let pieces = CatalogTokens.pieces(text)
        let hasRTL = CatalogTokens.plainText(text).unicodeScalars.contains(where: Bidi.isRTLLetter)
        if hasRTL {
            for (index, piece) in pieces.enumerated() {
                switch piece {
                case .interpolation(let token), .nesting(let token):
                    let before = index > 0 ? pieces[index - 1].text.unicodeScalars.last : nil
                    let after = index + 1 < pieces.count ? pieces[index + 1].text.unicodeScalars.first : nil
                    let opened = before.map { [Bidi.fsi, Bidi.lri, Bidi.rli].contains($0) } ?? false
                    if !opened || after != Bidi.pdi {
                        report(.bidiInterpolation, "\(token) next to right-to-left text is not wrapped in FSI … PDI (U+2068 … U+2069)")
                    }
                default:
                    break
                }
            }
        }
        // Latin runs and Latin punctuation outside isolates.
        depth = 0
        var latinRun: String?
        var punctuation: Set<Character> = []
        var kashida = false
        for piece in pieces {
            guard case .text(let segment) = piece else { continue }
            var run = ""
            for scalar in segment.unicodeScalars {
                if scalar == Bidi.pdi { depth = max(0, depth - 1); continue }
                if Bidi.isolateControls.contains(scalar) { depth += 1; continue }
                if scalar == "\u{0640}" { kashida = true }
                guard depth == 0 else { continue }
                if Bidi.isLatinLetter(scalar) || (!run.isEmpty && (scalar == " " || scalar == "." || scalar == "@" || scalar == "-" || ("0"..."9").contains(scalar))) {
                    run.unicodeScalars.append(scalar)
                } else {
                    if latinRun == nil, run.unicodeScalars.contains(where: Bidi.isLatinLetter) { latinRun = run }
                    run = ""
                }
                if scalar == "," || scalar == "?" || scalar == ";" { punctuation.insert(Character(scalar)) }
            }
            if latinRun == nil, run.unicodeScalars.contains(where: Bidi.isLatinLetter) { latinRun = run }
        }
        if hasRTL, let latinRun {
            report(.bidiLatin, "Latin text '\(latinRun.trimming(" .-"))' is not isolated; wrap it in FSI … PDI")
        }
        if language.script == "Arab" {
            let replacements: [Character: String] = [",": "،", "?": "؟", ";": "؛"]
            for mark in punctuation.sorted() {
                report(.arabicPunctuation, "Latin '\(mark)' in Arabic text; use '\(replacements[mark] ?? "")'")
            }
            if kashida { report(.kashida, "kashida (tatweel U+0640); write the letters without stretching") }
        }
    }
}
