/// What one Unicode scalar means to the detector, with letters already lowercased.
///
/// This is a hand-written table for the scripts the eight languages use (ASCII, Latin-1,
/// Latin Extended-A/B, IPA, Latin Extended Additional, Cyrillic, Arabic) so the hot path never
/// allocates; anything else falls back to the Unicode alphabetic property.
enum ScalarClass: Equatable {
    /// A Latin letter, lowercased.
    case latin(UInt32)
    /// A Cyrillic letter, lowercased.
    case cyrillic(UInt32)
    /// An Arabic-script letter (not scored: the script alone decides).
    case arabic
    /// A mark that continues a word without being scored (combining accents, Arabic harakat).
    case mark
    /// An apostrophe (', ’, ʼ, ‘, ʻ): part of a word when inside one.
    case apostrophe
    /// A letter of another script.
    case otherLetter
    /// Anything else: digits, punctuation, symbols, emoji, white space.
    case separator

    /// The code used for an in-word apostrophe.
    static let apostropheCode: UInt32 = 0x27

    @inline(__always)
    static func classify(_ v: UInt32) -> ScalarClass {
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return .latin(v) }
            if v >= 0x41 && v <= 0x5A { return .latin(v | 0x20) }
            if v == 0x27 || v == 0x60 { return .apostrophe }
            return .separator
        }
        return classifyNonASCII(v)
    }

    static func classifyNonASCII(_ v: UInt32) -> ScalarClass {
        switch v {
        case 0xC0...0xDE:
            return v == 0xD7 ? .separator : .latin(v + 0x20)
        case 0xDF...0xFF:
            return v == 0xF7 ? .separator : .latin(v)
        case 0xB4:
            return .apostrophe
        case 0xAA, 0xBA:
            return .latin(v)
        case 0x100...0x17F:
            return .latin(lowerLatinExtendedA(v))
        case 0x180...0x24F:
            return .latin(lowerLatinExtendedB(v))
        case 0x250...0x2AF:
            return .latin(v)
        case 0x2BB, 0x2BC:
            return .apostrophe
        case 0x300...0x36F:
            return .mark
        case 0x400...0x40F:
            return .cyrillic(v + 0x50)
        case 0x410...0x42F:
            return .cyrillic(v + 0x20)
        case 0x430...0x45F:
            return .cyrillic(v)
        case 0x460...0x481, 0x48A...0x4FF:
            return .cyrillic(v & 1 == 0 ? v + 1 : v)
        case 0x482...0x489:
            return .mark
        case 0x500...0x52F:
            return .cyrillic(v & 1 == 0 ? v + 1 : v)
        case 0x1E00...0x1EFF:
            return .latin(v & 1 == 0 && v < 0x1E96 || (v >= 0x1EA0 && v & 1 == 0) ? v + 1 : v)
        case 0x2018, 0x2019:
            return .apostrophe
        case 0x600...0x6FF:
            return classifyArabic(v)
        case 0x750...0x77F, 0x8A0...0x8D2, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return .arabic
        case 0x8D3...0x8FF:
            return .mark
        case 0x200C, 0x200D:
            return .mark
        default:
            guard let scalar = Unicode.Scalar(v) else { return .separator }
            return scalar.properties.isAlphabetic ? .otherLetter : .separator
        }
    }

    private static func classifyArabic(_ v: UInt32) -> ScalarClass {
        switch v {
        case 0x60C, 0x61B, 0x61F, 0x660...0x66D, 0x6D4, 0x6F0...0x6F9, 0x600...0x60B, 0x60D...0x60F, 0x6DD, 0x6DE, 0x6E9:
            return .separator
        case 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6DC, 0x6DF...0x6E8, 0x6EA...0x6ED, 0x640:
            return .mark
        default:
            return .arabic
        }
    }

    private static func lowerLatinExtendedA(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x100...0x137, 0x14A...0x177:
            return v & 1 == 0 ? v + 1 : v
        case 0x139...0x148, 0x179...0x17E:
            return v & 1 == 1 ? v + 1 : v
        case 0x178:
            return 0xFF
        default:
            return v
        }
    }

    private static func lowerLatinExtendedB(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x181: return 0x253  // Ɓ → ɓ
        case 0x18A: return 0x257  // Ɗ → ɗ
        case 0x198: return 0x199  // Ƙ → ƙ
        case 0x1B3: return 0x1B4  // Ƴ → ƴ
        case 0x18F: return 0x259
        default: return v
        }
    }

    /// The Cyrillic letter a Latin look-alike stands for inside a Cyrillic word
    /// ("менi" typed with a Latin i is Ukrainian "мені"), given the original (not lowercased) scalar.
    static func cyrillicHomoglyph(ofOriginal v: UInt32) -> UInt32? {
        switch v {
        case 0x61, 0x41: 0x430  // a
        case 0x65, 0x45: 0x435  // e
        case 0x6F, 0x4F: 0x43E  // o
        case 0x70, 0x50: 0x440  // p
        case 0x63, 0x43: 0x441  // c
        case 0x78, 0x58: 0x445  // x
        case 0x79, 0x59: 0x443  // y
        case 0x69, 0x49: 0x456  // i → Ukrainian і
        case 0x42: 0x432  // B
        case 0x48: 0x43D  // H
        case 0x4B, 0x6B: 0x43A  // K
        case 0x4D: 0x43C  // M
        case 0x54: 0x442  // T
        case 0xEF, 0xCF: 0x457  // ï → ї
        default: nil
        }
    }
}
