import HTTPTypes
import Hummingbird
import ServiceConfiguration

/// Cross-origin access for browser clients, from configuration: a list of allowed origins
/// (or `*`), preflight requests answered with 204, credentials only ever with listed origins.
struct ParleyCORSMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext
    let settings: CORSSettings
    static let allowedHeaders = "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id"
    static let allowedMethods = "GET, POST, PUT, DELETE, OPTIONS"
    static let exposedHeaders = "ETag, Retry-After, X-Request-Id"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        let allowedOrigin: String?
        if settings.allowedOrigins.contains(origin) {
            allowedOrigin = origin
        } else if settings.allowedOrigins.contains("*") {
            allowedOrigin = "*"
        } else {
            allowedOrigin = nil
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers = HTTPFields()
            if let allowedOrigin {
                apply(allowedOrigin, to: &headers)
                headers[.accessControlAllowMethods] = Self.allowedMethods
                headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? Self.allowedHeaders
                headers[.accessControlMaxAge] = String(settings.maxAge.components.seconds)
            }
            return Response(status: allowedOrigin == nil ? .forbidden : .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if let allowedOrigin {
            apply(allowedOrigin, to: &response.headers)
            response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        }
        return response
    }

    private func apply(_ origin: String, to headers: inout HTTPFields) {
        headers[.accessControlAllowOrigin] = origin
        if origin != "*" {
            headers.append(HTTPField(name: .vary, value: "Origin"))
            if settings.allowCredentials { headers[.accessControlAllowCredentials] = "true" }
        }
    }
}
