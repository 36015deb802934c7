internal import CParleyICU

/// Text direction as the Unicode Bidirectional Algorithm (through ICU) sees it.
public enum BidiDirection: String, Sendable, Hashable, Codable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
    /// Both directions occur (e.g. Arabic with a Latin @handle).
    case mixed
    /// No strongly directional character at all (digits, punctuation, emoji).
    case neutral
}

/// Bidi questions about a piece of text, answered by the system ICU.
public enum Bidi {
    /// The direction of the first strong character (what `dir="auto"` picks).
    public static func baseDirection(of text: String) -> BidiDirection {
        let units = Array(text.utf16)
        switch parley_bidi_base_direction(units, Int32(units.count)) {
        case 0: return .leftToRight
        case 1: return .rightToLeft
        default: return .neutral
        }
    }

    /// The resolved direction of the whole text: left-to-right, right-to-left, mixed, or
    /// neutral when nothing in it is strongly directional.
    public static func direction(of text: String) -> BidiDirection {
        let base = baseDirection(of: text)
        if base == .neutral { return .neutral }
        let units = Array(text.utf16)
        switch parley_bidi_direction(units, Int32(units.count)) {
        case 0: return .leftToRight
        case 1: return .rightToLeft
        default: return .mixed
        }
    }
}
