/// Where a request body stops being UTF-8, so that a 400 can say so (and where) instead of
/// whatever a JSON decoder makes of the broken bytes.
enum UTF8Check {
    /// The byte offset of the first invalid UTF-8 sequence, `nil` for valid UTF-8.
    static func firstInvalidOffset<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The message for a body that is not UTF-8.
    static func message(offset: Int) -> String {
        "the body is not valid UTF-8 (an invalid byte sequence at byte \(offset)); send JSON encoded as UTF-8"
    }
}
