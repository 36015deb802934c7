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

    /// The error envelope for `error`.
    public static func error(_ error: APIError, requestID: String) -> Response {
        let envelope = ErrorEnvelope(error: .init(code: error.code, message: error.message, requestId: requestID))
        do {
            return try make(envelope, status: error.status, headers: error.headers)
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
