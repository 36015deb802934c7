import Hummingbird
import Logging

/// What every request goes through before authentication and its route, in this order: its
/// request id (in the logger's metadata and on the response), the access log and HTTP
/// metrics, CORS, the JSON error envelope and the body limit. While the server drains
/// (after SIGTERM), every answer says `Connection: close`: a client then opens a new
/// connection for its next request — accepted until the listener closes, refused after —
/// instead of sending it on a kept-alive connection the server is about to close, where it
/// would be lost unanswered (wrk counted one such read error per connection without this).
///
/// These are five small values (``RequestID``, ``AccessLog``, ``CORSPolicy``,
/// ``ErrorResponder``, ``BodyLimit``) composed in one middleware rather than five, because
/// every level of Hummingbird's middleware chain costs an async frame and a copy of the
/// request context: on a release build under `wrk` (`parley-bench cached`), the five as
/// separate middlewares took the cached `/v1/translate` from 0.92× to 0.67× the bare route,
/// about a quarter of a bare request's CPU apiece; composed, the chain costs one level.
struct RequestEnvelopeMiddleware: RouterMiddleware {
    typealias Context = ParleyRequestContext
    let accessLog: AccessLog
    let cors: CORSPolicy
    let errors: ErrorResponder
    let bodyLimit: BodyLimit
    let drain: DrainState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        let id = RequestID.resolve(request)
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        context.maxUploadSize = bodyLimit.maxBodySize
        var response: Response
        if let preflight = cors.preflight(request) {
            response = preflight
        } else {
            do {
                try bodyLimit.check(request)
                response = try await next(request, context)
            } catch {
                response = errors.response(for: error, request: request, context: context)
            }
            cors.decorate(&response, for: request)
        }
        accessLog.record(request, response, context: context, elapsed: start.duration(to: .now))
        response.headers[.requestID] = id
        if drain.isDraining { response.headers[.connection] = "close" }
        return response
    }
}
