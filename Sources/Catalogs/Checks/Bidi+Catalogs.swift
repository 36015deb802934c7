import Languages

extension Bidi {
    /// FIRST STRONG ISOLATE U+2068.
    public static let fsi: Unicode.Scalar = "\u{2068}"
    /// LEFT-TO-RIGHT ISOLATE U+2066.
    public static let lri: Unicode.Scalar = "\u{2066}"
    /// RIGHT-TO-LEFT ISOLATE U+2067.
    public static let rli: Unicode.Scalar = "\u{2067}"
    /// POP DIRECTIONAL ISOLATE U+2069.
    public static let pdi: Unicode.Scalar = "\u{2069}"
    /// The isolate openers and PDI.
    public static let isolateControls: Set<Unicode.Scalar> = [fsi, lri, rli, pdi]
    /// The embedding and override controls catalogs must not use, with their names.
    public static let embeddingControls: [Unicode.Scalar: String] = [
        "\u{202A}": "LRE", "\u{202B}": "RLE", "\u{202C}": "PDF", "\u{202D}": "LRO", "\u{202E}": "RLO",
    ]

    /// Hebrew, Arabic, Syriac, Thaana, NKo … and their presentation forms.
    static func isRTLLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
    }

    /// Latin letters (ASCII and Latin-1/Extended-A/B).
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || ((0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7)
    }
}
