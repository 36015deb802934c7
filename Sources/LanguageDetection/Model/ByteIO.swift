/// Appends little-endian fields to a byte array (model serialisation).
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func u16(_ v: UInt16) {
        data.append(UInt8(truncatingIfNeeded: v))
        data.append(UInt8(truncatingIfNeeded: v >> 8))
    }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { data.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { data.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func f32(_ v: Float) { u32(v.bitPattern) }
}

/// Reads little-endian fields from a byte array whose length was checked beforehand.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    mutating func take(_ n: Int) -> ArraySlice<UInt8> {
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }
    mutating func u32() -> UInt32 {
        var v: UInt32 = 0
        for (k, b) in take(4).enumerated() { v |= UInt32(b) << (8 * k) }
        return v
    }
    mutating func f32() -> Float { Float(bitPattern: u32()) }

    static func u64(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * k) }
        return v
    }
}
