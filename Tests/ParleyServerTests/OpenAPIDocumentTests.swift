import Foundation
import HummingbirdTesting
import ParleyServer
import Testing

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// Every registered route is documented, and every documented route exists.
    @Test func documentMatchesTheRoutes() async throws {
        let server = try TestService()
        _ = server.service.makeRouter()
        let registered = Set(server.service.routes.all.map { "\($0.method.uppercased()) \($0.path)" })
        let body = try await server.test { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return Data(buffer: response.body)
            }
        }
        let document = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
    }
}
