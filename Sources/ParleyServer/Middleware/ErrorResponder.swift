import Hummingbird
import Logging
import Storage

/// Turns every thrown error into Parley's JSON envelope with the right status — including
/// unknown routes (404), wrong methods (405 with `Allow`), oversized bodies (413) and
/// Hummingbird's own errors. No HTML, ever.
struct ErrorResponder: Sendable {
    let routes: RouteTable
    let maxBodySize: Int

    /// The answer for `error`, thrown while handling `request`.
    func response(for error: any Error, request: Request, context: ParleyRequestContext) -> Response {
        let apiError = map(error, request: request)
        if case .internal = apiError {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
        }
        if LibreTranslateRoutes.paths.contains(request.uri.path) {
            // LibreTranslate's clients expect its shape on its routes: {"error": "…"}.
            return LibreTranslateRoutes.errorResponse(apiError.status, apiError.message, headers: apiError.headers)
        }
        return JSONResponse.error(apiError, requestID: context.requestID)
    }

    func map(_ error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as StoreError:
            return .unavailable(code: "store_unavailable", message: error.description, retryAfterSeconds: 5)
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                let allowed = routes.methods(matching: request.uri.path)
                if !allowed.isEmpty {
                    return .methodNotAllowed(method: request.method.rawValue, allowed: allowed)
                }
                return .notFound("no route for \(request.method.rawValue) \(request.uri.path)")
            case .contentTooLarge:
                return .payloadTooLarge(limit: maxBodySize)
            case .badRequest:
                return .badRequest(code: "bad_request", message: error.body ?? "bad request")
            case .unsupportedMediaType:
                return .unsupportedMediaType(error.body ?? "unsupported media type")
            default:
                return .internal(error.body ?? "\(error.status.code) \(error.status.reasonPhrase)")
            }
        default:
            return .internal("internal error")
        }
    }
}
