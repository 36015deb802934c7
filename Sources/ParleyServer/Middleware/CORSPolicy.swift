import HTTPTypes
import Hummingbird
import ServiceConfiguration

/// Cross-origin access for browser clients, from configuration: a list of allowed origins
/// (or `*`), preflight requests answered with 204, credentials only ever with listed origins.
struct CORSPolicy: Sendable {
    let settings: CORSSettings
    static let allowedHeaders = "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id"
    static let allowedMethods = "GET, POST, PUT, DELETE, OPTIONS"
    static let exposedHeaders = "ETag, Retry-After, X-Request-Id"

    /// The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method` from an
    /// origin): 204 for an allowed origin, 403 otherwise; `nil` for every other request.
    func preflight(_ request: Request) -> Response? {
        guard request.method == .options, request.headers[.accessControlRequestMethod] != nil,
              let origin = request.headers[.origin] else { return nil }
        var headers = HTTPFields()
        guard let allowed = allowedOrigin(origin) else {
            return Response(status: .forbidden, headers: headers)
        }
        apply(allowed, to: &headers)
        headers[.accessControlAllowMethods] = Self.allowedMethods
        headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? Self.allowedHeaders
        headers[.accessControlMaxAge] = String(settings.maxAge.components.seconds)
        return Response(status: .noContent, headers: headers)
    }

    /// Adds the CORS headers to the answer of a request from an allowed origin.
    func decorate(_ response: inout Response, for request: Request) {
        guard let origin = request.headers[.origin], let allowed = allowedOrigin(origin) else { return }
        apply(allowed, to: &response.headers)
        response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
    }

    private func allowedOrigin(_ origin: String) -> String? {
        if settings.allowedOrigins.contains(origin) { return origin }
        if settings.allowedOrigins.contains("*") { return "*" }
        return nil
    }

    private func apply(_ origin: String, to headers: inout HTTPFields) {
        headers[.accessControlAllowOrigin] = origin
        if origin != "*" {
            headers.append(HTTPField(name: .vary, value: "Origin"))
            if settings.allowCredentials { headers[.accessControlAllowCredentials] = "true" }
        }
    }
}
