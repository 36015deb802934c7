/// A fast 64-bit checksum over bytes (8 bytes per step), to reject corrupt model files.
enum Checksum {
    static func of<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0x6A09_E667_F3BC_C908 ^ UInt64(bytes.count)
        let result: UInt64? = bytes.withContiguousStorageIfAvailable { buffer in
            var i = 0
            let n = buffer.count
            while i + 8 <= n {
                var w: UInt64 = 0
                for k in 0..<8 { w |= UInt64(buffer[i + k]) << (8 * k) }
                h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(buffer[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
            return h
        }
        if let result { return result }
        return of(Array(bytes))
    }
}
