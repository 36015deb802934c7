import Foundation
import Hummingbird

/// Builds JSON responses (UTF-8, slashes unescaped, keys sorted, so output is stable).
public enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// A JSON response with `value` as its body.
    public static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let data = try encoder.encode(value)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON response with the bytes `json` wrote as its body.
    static func make(_ json: JSONWriter, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }

    /// The error envelope for `error` (with `current` or `findings` inside `error` for 412/422).
    public static func error(_ error: APIError, requestID: String) -> Response {
        let envelope = ErrorEnvelope(error: .init(code: error.code, message: error.message, requestId: requestID))
        do {
            var data = Array(try encoder.encode(envelope))
            let extra: (String, JSONFragment)?
            switch error {
            case .preconditionFailed(_, let current?): extra = ("current", current)
            case .unprocessable(_, _, let findings?): extra = ("findings", findings)
            default: extra = nil
            }
            if let (name, fragment) = extra, data.count > 2 {
                // {"error":{…}} → {"error":{…,"name":fragment}}
                data.removeLast(2)
                data += Array(",\"\(name)\":".utf8) + fragment.data + Array("}}".utf8)
            }
            var fields = error.headers
            fields[.contentType] = "application/json; charset=utf-8"
            return Response(status: error.status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            return Response(status: .internalServerError)
        }
    }
}

/// `{"error":{"code","message","requestId"}}`: the one shape every Parley error has.
public struct ErrorEnvelope: Codable, Sendable {
    public struct Body: Codable, Sendable {
        public var code: String
        public var message: String
        public var requestId: String
    }
    public var error: Body
}
