/// A strict JSON reader for i18next catalog files: keeps key order, refuses duplicate keys,
/// arrays and empty nested objects, and names the key path of a problem. Booleans, numbers and
/// null are kept as fixed values (``CatalogNode/literal(_:)``, their JSON text as written):
/// i18next serves them as they are, and protoimsg ships a namespace that is only
/// `{"placeholder": true}`.
public struct CatalogJSONParser {
    /// Used in error messages (`ar/rooms.json`).
    public let fileName: String
    private let bytes: [UInt8]
    private var index = 0
    private var path: [String] = []

    private init(bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }

    /// Parses `bytes` (UTF-8, no BOM) whose top level must be an object.
    public static func parse(_ bytes: [UInt8], fileName: String) throws(CatalogError) -> [(key: String, value: CatalogNode)] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw .malformedFile(file: fileName, keyPath: nil, reason: "starts with a UTF-8 byte order mark; save as UTF-8 without BOM")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .malformedFile(file: fileName, keyPath: nil, reason: "not valid UTF-8")
        }
        var parser = CatalogJSONParser(bytes: bytes, fileName: fileName)
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "{") else { throw parser.failure("the top level must be a JSON object") }
        let members = try parser.parseObject(allowEmpty: true)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the top-level object") }
        return members
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private var line: Int { bytes[..<min(index, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }

    private func failure(_ reason: String) -> CatalogError {
        .malformedFile(file: fileName, keyPath: path.isEmpty ? nil : path.joined(separator: "."), reason: "\(reason) (line \(line))")
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(CatalogError) {
        skipWhitespace()
        guard peek() == byte else { throw failure("expected \(what)") }
        index += 1
    }

    private mutating func parseObject(allowEmpty: Bool) throws(CatalogError) -> [(key: String, value: CatalogNode)] {
        try expect(UInt8(ascii: "{"), "'{'")
        var members: [(key: String, value: CatalogNode)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            if !allowEmpty { throw failure("empty object; remove it or add keys") }
            return members
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let key = try parseString()
            guard seen.insert(key).inserted else {
                path.append(key)
                throw failure("duplicate key")
            }
            try expect(UInt8(ascii: ":"), "':' after a key")
            skipWhitespace()
            path.append(key)
            switch peek() {
            case UInt8(ascii: "\""):
                members.append((key, .string(try parseString())))
            case UInt8(ascii: "{"):
                members.append((key, .object(try parseObject(allowEmpty: false))))
            case UInt8(ascii: "["):
                throw failure("value is an array; only strings and objects are allowed")
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                members.append((key, .literal(try parseWord())))
            case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
                members.append((key, .literal(try parseNumber())))
            default:
                throw failure("expected a value")
            }
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return members
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    /// `true`, `false` or `null`.
    private mutating func parseWord() throws(CatalogError) -> String {
        for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
            index += word.utf8.count
            return word
        }
        throw failure("expected a value")
    }

    /// A JSON number, as written: `-`? int frac? exp?.
    private mutating func parseNumber() throws(CatalogError) -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - from
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw failure("invalid number")
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("invalid number") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("invalid number") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func parseString() throws(CatalogError) -> String {
        index += 1  // opening quote
        var output: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escape = peek() else { throw failure("unterminated escape") }
                index += 1
                switch escape {
                case UInt8(ascii: "\""): output.append(0x22)
                case UInt8(ascii: "\\"): output.append(0x5C)
                case UInt8(ascii: "/"): output.append(0x2F)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("lone surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw failure("lone surrogate in \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                    output.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw failure("invalid escape \\\(Character(Unicode.Scalar(escape)))")
                }
            case 0x00..<0x20:
                throw failure("control character in a string; write it as an escape")
            default:
                output.append(byte)
            }
        }
    }

    private mutating func parseHex4() throws(CatalogError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }
}
