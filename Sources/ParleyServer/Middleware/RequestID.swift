import HTTPTypes
import Hummingbird
import Synchronization

/// Request ids: the caller's `X-Request-Id` when it is 1–128 safe characters, else a new
/// unique one. ``RequestEnvelopeMiddleware`` puts it in the logger's metadata and on every
/// response.
enum RequestID {
    /// The id for `request`.
    static func resolve(_ request: Request) -> String {
        request.headers[.requestID].flatMap { isAcceptable($0) ? $0 : nil } ?? makeID()
    }

    static func isAcceptable(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
                || byte == 0x2d || byte == 0x5f || byte == 0x2e || byte == 0x3a
        }
    }

    /// Ids are unique without a system call per request: a random 64-bit prefix chosen once
    /// per process, then a counter — `req_` and 32 hex digits.
    static let processPrefix = hex(UInt64.random(in: .min ... .max))
    static let counter = Atomic<UInt64>(0)

    static func makeID() -> String {
        let next = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return "req_" + processPrefix + hex(next)
    }

    /// `value` as 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: set on every response, accepted from callers.
    public static let requestID = HTTPField.Name("X-Request-Id")!
}
