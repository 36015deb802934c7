internal import CParleyICU

/// Unicode normalization forms, computed by the system ICU.
public enum NormalizationForm: Int32, Sendable {
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3
}

/// Unicode normalization (NFC for cache keys and comparisons, NFKC for detection).
public enum UnicodeNormalizer {
    /// `text` in the given normalization form.
    public static func normalize(_ text: String, to form: NormalizationForm = .nfc) -> String {
        // ASCII is the same in every normalization form.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        let units = Array(text.utf16)
        if units.isEmpty { return text }
        if parley_is_normalized(form.rawValue, units, Int32(units.count)) == 1 { return text }
        var capacity = units.count + units.count / 2 + 8
        for _ in 0..<3 {
            var output = [UInt16](repeating: 0, count: capacity)
            let needed = parley_normalize(form.rawValue, units, Int32(units.count), &output, Int32(capacity))
            if needed < 0 { return text }
            if Int(needed) <= capacity { return String(decoding: output.prefix(Int(needed)), as: UTF16.self) }
            capacity = Int(needed)
        }
        return text
    }

    /// Whether `text` is already in the given form.
    public static func isNormalized(_ text: String, form: NormalizationForm = .nfc) -> Bool {
        let units = Array(text.utf16)
        return parley_is_normalized(form.rawValue, units, Int32(units.count)) == 1
    }
}
