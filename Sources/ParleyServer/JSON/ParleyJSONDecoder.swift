import Foundation
import Hummingbird

/// Decodes JSON request bodies, turning every failure into a 400 that says what was wrong
/// (malformed JSON, a missing field, a field of the wrong type) instead of a bare 400.
public struct ParleyJSONDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        try Self.decode(type, from: Data(buffer: try await Self.body(of: request, context: context)))
    }

    /// The whole request body, up to the context's upload limit (413 beyond it).
    static func body(of request: Request, context: some RequestContext) async throws(APIError) -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError.payloadTooLarge(limit: context.maxUploadSize)
        }
    }

    /// One decoder for every request: it has no per-call state, and making one costs.
    static let decoder = JSONDecoder()

    /// Decodes `data`, mapping `DecodingError` to ``APIError``.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(APIError) -> T {
        if let offset = UTF8Check.firstInvalidOffset(data) {
            throw APIError.badRequest(code: "invalid_json", message: UTF8Check.message(offset: offset))
        }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw APIError.badRequest(code: "invalid_json", message: Self.describe(error))
        } catch {
            throw APIError.badRequest(code: "invalid_json", message: "the body is not valid JSON")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(body)" : text)
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(Self.name(of: type)), not null"
        @unknown default:
            return "the body could not be decoded"
        }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
