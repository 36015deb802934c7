/// Reads a flat JSON object — every value a string, a list of strings or `null` — straight
/// from its bytes: the shape of nearly every translate request, Parley's own
/// (`{"texts":["…"],"source":"en","targets":["es"]}`) and LibreTranslate's
/// (`{"q":"…","source":"auto","target":"es"}`).
///
/// Anything else — numbers, booleans, nested objects, a key twice, invalid UTF-8, lone
/// surrogates, malformed JSON — makes it answer `nil`, and the caller falls back to the
/// general decoder, which also gives the precise error. So this reader only has to be right
/// on what it accepts, and property tests hold it to `JSONDecoder` and `JSONSerialization`
/// there. It exists because general JSON decoding was the largest share of a cached
/// translation's cost.
struct FlatJSONObjectReader {
    enum Value: Equatable {
        case string(String)
        case list([String])
        case null
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The members in order, or `nil` when the bytes are not a flat object (or not valid).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [(key: String, value: Value)]? {
        var reader = FlatJSONObjectReader(bytes)
        return reader.object()
    }

    private mutating func object() -> [(key: String, value: Value)]? {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var members: [(key: String, value: Value)] = []
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                guard let key = string(), !members.contains(where: { $0.key == key }) else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                guard let value = value() else { return nil }
                members.append((key, value))
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        return index == bytes.count ? members : nil
    }

    private mutating func value() -> Value? {
        if bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
           bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l") {
            index += 4
            return .null
        }
        if take(UInt8(ascii: "[")) {
            var list: [String] = []
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return .list(list) }
            repeat {
                skipWhitespace()
                guard let item = string() else { return nil }
                list.append(item)
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .list(list) : nil
        }
        return string().map(Value.string)
    }

    /// A JSON string with its escapes resolved; `nil` on anything invalid.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // The common case: no escapes, so the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    decoded += Array(String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20:
                return nil
            default:
                decoded.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair; `nil` for
    /// a lone surrogate.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hex4() else { return nil }
        switch first {
        case 0xD800...0xDBFF:
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            index += 2
            guard let second = hex4(), (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(first)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
