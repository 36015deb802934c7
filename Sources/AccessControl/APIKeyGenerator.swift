/// Makes new API keys: `pk_` followed by 43 URL-safe characters carrying 256 random bits
/// from the system's cryptographically secure generator.
public enum APIKeyGenerator {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// A new key (shown once to its owner, then only its hash is kept).
    public static func makeKey() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        for _ in 0..<4 {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return "pk_" + base64URL(bytes)
    }

    /// A short public identifier for a key record (`key_` + 12 characters, 72 random bits).
    public static func makeID() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0.prefix(1)) }
        return "key_" + base64URL(bytes)
    }

    /// Unpadded base64url.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { value |= UInt32(byte) << (16 - 8 * UInt32(offset)) }
            let characters = chunk.count + 1
            for position in 0..<characters {
                out.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 0x3f)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has the shape of a key: at least 32 characters of `[A-Za-z0-9_-]`.
    /// `A-Z a-z 0-9 - _`: the characters ``makeKey()`` writes.
    static func isKeyCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count >= 32 && text.utf8.count <= 256 && text.utf8.allSatisfy(isKeyCharacter)
    }
}
