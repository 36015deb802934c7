/// Minimal UTF-8 decoding over a byte buffer, for the allocation-free scanning path.
enum UTF8Decoding {
    /// The scalar value starting at `i` and its length in bytes; malformed input yields U+FFFD.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = b.count
        if b0 < 0xE0 {
            guard i + 1 < n else { return (0xFFFD, 1) }
            return ((b0 & 0x1F) << 6 | (UInt32(b[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < n else { return (0xFFFD, 1) }
            return ((b0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | (UInt32(b[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < n else { return (0xFFFD, 1) }
        return ((b0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6
            | (UInt32(b[i + 3]) & 0x3F), 4)
    }

    /// Unicode white space (the characters that separate tokens).
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
