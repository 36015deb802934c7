import Foundation
import Hummingbird

/// `GET /openapi.json`: the OpenAPI 3.1 document of Parley's API, kept in the repository
/// (`Sources/ParleyServer/Resources/openapi.json`) and checked against the registered routes by
/// a test.
struct OpenAPIRoute {
    /// The document's bytes, read once.
    static let document: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }

    func register(on router: ParleyRouter) {
        router.get("/openapi.json") { _, _ in
            guard let document = Self.document else { throw APIError.internal("the OpenAPI document is missing from this build") }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
