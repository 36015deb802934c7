import Hummingbird

/// Parley's router: Hummingbird's, with every route also written into a ``RouteTable``
/// (for 405 answers and the OpenAPI check).
public struct ParleyRouter {
    public let router: Router<ParleyRequestContext>
    public let routes: RouteTable

    public typealias Handler = @Sendable (Request, ParleyRequestContext) async throws -> Response

    init(router: Router<ParleyRequestContext>, routes: RouteTable) {
        self.router = router
        self.routes = routes
    }

    public func get(_ path: String, _ handler: @escaping Handler) { on(path, method: .get, handler) }
    public func post(_ path: String, _ handler: @escaping Handler) { on(path, method: .post, handler) }
    public func put(_ path: String, _ handler: @escaping Handler) { on(path, method: .put, handler) }
    public func delete(_ path: String, _ handler: @escaping Handler) { on(path, method: .delete, handler) }

    public func on(_ path: String, method: HTTPRequest.Method, _ handler: @escaping Handler) {
        routes.add(method: method.rawValue, path: path)
        router.on(RouterPath(path), method: method, use: handler)
    }
}
