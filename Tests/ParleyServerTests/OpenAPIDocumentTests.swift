import Foundation
import Languages
import HummingbirdTesting
@testable import ParleyServer
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

    /// Path parameters name real resources (so that a client, or a fuzzer, reaches them): the
    /// languages and namespaces the document lists are the shipped ones.
    @Test func pathParametersListTheRealLanguagesAndNamespaces() throws {
        let data = try #require(OpenAPIRoute.document)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Catalogs/en").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        var checked = 0
        for (_, operations) in paths {
            for (_, operation) in operations {
                for parameter in (operation as? [String: Any])?["parameters"] as? [[String: Any]] ?? [] where parameter["in"] as? String == "path" {
                    let schema = parameter["schema"] as? [String: Any] ?? [:]
                    switch parameter["name"] as? String {
                    case "lang":
                        #expect(schema["enum"] as? [String] == Language.allCases.map(\.code))
                        checked += 1
                    case "ns":
                        #expect((schema["enum"] as? [String])?.sorted() == shipped)
                        checked += 1
                    default:
                        #expect(schema["enum"] != nil || schema["examples"] != nil, "\(parameter["name"] ?? "?") has examples")
                    }
                }
            }
        }
        #expect(checked > 10)
    }
}
