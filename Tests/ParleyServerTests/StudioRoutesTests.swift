import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import ParleyServer
import Testing

/// `/studio/`: the web app's files with a strict CSP, from the package resources or a folder.
@Suite("Translator web app files")
struct StudioRoutesTests {
    static func folder() throws -> String {
        let directory = CatalogEditFixture.temporaryDirectory("studio")
        try FileManager.default.createDirectory(atPath: directory + "/js", withIntermediateDirectories: true)
        try Data("<!doctype html><title>Studio</title><script type=\"module\" src=\"js/main.js\"></script>".utf8).write(to: URL(fileURLWithPath: directory + "/index.html"))
        try Data("export const x = 1;\n".utf8).write(to: URL(fileURLWithPath: directory + "/js/main.js"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: directory + "/.env"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        return directory
    }

    @Test func filesComeWithAStrictPolicyTheirTypeAndAnETag() async throws {
        let directory = try Self.folder()
        let server = try TestService(configure: { $0.studioDirectory = directory })
        try await server.test { client in
            try await client.execute(uri: "/studio", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/studio/")
            }
            let etag = try await client.execute(uri: "/studio/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.text.contains("js/main.js"))
                return response.headers[.eTag] ?? ""
            }
            try await client.execute(uri: "/studio/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/studio/js/main.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            for missing in ["/studio/nope.js", "/studio/.env", "/studio/notes.txt", "/studio/js/..%2F..%2Fetc%2Fpasswd", "/studio/..%2Findex.html", "/studio/a/b/c.js"] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                }
            }
        }
    }

    @Test func theBuiltInCopyHoldsTheApp() {
        let files = StudioFiles(directory: nil)
        #expect(files.file("index.html") != nil)
        #expect(files.file("js/main.js")?.contentType == "text/javascript; charset=utf-8")
        #expect(files.file("studio.css")?.contentType == "text/css; charset=utf-8")
        #expect(files.file("../Package.swift") == nil)
    }
}
