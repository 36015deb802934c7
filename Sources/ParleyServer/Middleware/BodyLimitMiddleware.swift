import Hummingbird

/// Refuses bodies over the configured size with 413 before reading them (by `Content-Length`),
/// and caps what a route may collect when the length is not announced.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            throw APIError.payloadTooLarge(limit: maxBodySize)
        }
        var context = context
        context.maxUploadSize = maxBodySize
        return try await next(request, context)
    }
}
