import NIOCore

/// A complete HTTP/1.1 error response as bytes, for the few answers the connection guard
/// gives below Hummingbird (408, 431, 400, 503): the request never reached a route, so the
/// bytes go straight to the socket and the connection is closed after them. The body is
/// Parley's usual error envelope.
enum RawHTTPResponse {
    static func bytes(status: Int, reason: String, code: String, message: String, retryAfter: Int? = nil) -> ByteBuffer {
        let body = #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        head += "Content-Type: application/json; charset=utf-8\r\n"
        head += "Content-Length: \(body.utf8.count)\r\n"
        if let retryAfter { head += "Retry-After: \(retryAfter)\r\n" }
        head += "Connection: close\r\n\r\n"
        return ByteBuffer(string: head + body)
    }
}
