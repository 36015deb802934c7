import Foundation
import Hummingbird

/// The fields of a LibreTranslate request, read the way LibreTranslate 1.9.6 reads them: from a
/// JSON object body when `Content-Type: application/json`, else from the form body and the
/// query string. Only JSON can carry a list in `q`.
struct LibreTranslateRequest {
    enum Value {
        case string(String)
        case list([String])
        case number(Double)
        /// JSON `null`: treated as absent where a field is optional.
        case null
        case other
    }

    var fields: [String: Value]

    /// An error in LibreTranslate's shape: `{"error": message}` with a status.
    struct Failure: Error {
        var status: HTTPResponse.Status
        var message: String
    }

    static func read(_ request: Request, context: ParleyRequestContext) async throws -> LibreTranslateRequest {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Failure(status: .contentTooLarge, message: "Request body too large")
        }
        var fields: [String: Value] = [:]
        // The query string as `application/x-www-form-urlencoded`, as Flask's `request.values`
        // reads it (`+` is a space): clients such as deep-translator send every field there.
        // Body fields, read next, win.
        for (key, value) in Self.formFields(request.uri.query ?? "") { fields[key] = .string(value) }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json"), let members = buffer.withUnsafeReadableBytes(FlatJSONObjectReader.parse) {
            // The chat server's shape, read without Foundation's general JSON parser.
            for (key, value) in members {
                switch value {
                case .string(let text): fields[key] = .string(text)
                case .list(let list): fields[key] = .list(list)
                case .null: fields[key] = .null
                }
            }
        } else if contentType.hasPrefix("application/json") {
            if let offset = buffer.withUnsafeReadableBytes({ UTF8Check.firstInvalidOffset($0) }) {
                throw Failure(status: .badRequest, message: "Invalid request: \(UTF8Check.message(offset: offset))")
            }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed])
            } catch {
                throw Failure(status: .badRequest, message: "The browser (or proxy) sent a request that this server could not understand.")
            }
            guard let map = object as? [String: Any] else { throw Failure(status: .badRequest, message: "Invalid JSON format") }
            for (key, value) in map { fields[key] = Self.value(value) }
        } else if buffer.readableBytes > 0 {
            for (key, value) in Self.formFields(String(buffer: buffer)) { fields[key] = .string(value) }
        }
        return LibreTranslateRequest(fields: fields)
    }

    private static func value(_ any: Any) -> Value {
        switch any {
        case let text as String: return .string(text)
        case let list as [Any]:
            let strings = list.compactMap { $0 as? String }
            return strings.count == list.count ? .list(strings) : .other
        case let number as NSNumber:
            // JSON booleans arrive as NSNumber too; LibreTranslate would treat them as ints.
            return .number(number.doubleValue)
        case is NSNull: return .null
        default: return .other
        }
    }

    /// The fields of an `application/x-www-form-urlencoded` text, in order (a later one wins).
    static func formFields(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (formDecode(parts[0]), parts.count > 1 ? formDecode(parts[1]) : "")
        }
    }

    private static func formDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// A required string field, or LibreTranslate's "missing … parameter" error.
    func string(_ name: String) throws(Failure) -> String {
        guard case .string(let text)? = fields[name], !text.isEmpty else {
            throw Failure(status: .badRequest, message: "Invalid request: missing \(name) parameter")
        }
        return text
    }

    /// An optional string field: absent, null or empty is `nil`; any other type is a 400.
    func typedOptionalString(_ name: String) throws(Failure) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text.isEmpty ? nil : text
        default: throw Failure(status: .badRequest, message: "Invalid request: \(name) must be a string")
        }
    }

    func optionalString(_ name: String) -> String? {
        if case .string(let text)? = fields[name], !text.isEmpty { return text }
        return nil
    }

    /// `q`: a string or (JSON only) a list of strings.
    func texts() throws(Failure) -> (texts: [String], isList: Bool) {
        switch fields["q"] {
        case .string(let text)? where !text.isEmpty: return ([text], false)
        case .list(let texts)? where !texts.isEmpty: return (texts, true)
        default: throw Failure(status: .badRequest, message: "Invalid request: missing q parameter")
        }
    }

    /// `alternatives`: a number (0 when absent). A non-number is a 400 (LibreTranslate answers a
    /// JSON one with 500; Parley does not).
    func alternatives() throws(Failure) -> Int {
        switch fields["alternatives"] {
        case nil:
            return 0
        case .number(let number)? where number.isFinite:
            // Only "any or none" matters (Parley's backends give no alternatives), so clamping
            // keeps 1e19 from trapping in Int(_:) (found by the fuzzer).
            return number >= 1 ? Int(min(number, 1_000)) : 0
        case .string(let text)?:
            // As Python's int() reads it: white space around, an optional sign, digits of any
            // length ("+875749452058607588019057485" overflowed Int and was refused; found by
            // the fuzzer), clamped like a JSON number.
            var digits = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
            let negative = digits.first == "-"
            if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return negative ? 0 : min(Int(digits) ?? 1_000, 1_000)
            }
        default:
            break
        }
        throw Failure(status: .badRequest, message: "Invalid request: alternatives parameter is not a number")
    }
}
