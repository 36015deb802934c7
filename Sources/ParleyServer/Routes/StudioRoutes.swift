import Foundation
import Hashing
import HTTPTypes
import Hummingbird

/// `GET /studio/…`: the translator web app — HTML, CSS and ES modules shipped as package
/// resources (or read from `studio` in the configuration while working on the app).
///
/// Every answer carries a strict `Content-Security-Policy` (scripts, styles and requests only
/// from this origin, no inline script, no framing), `X-Content-Type-Options: nosniff` and
/// `Referrer-Policy: no-referrer`, with a strong `ETag` (304 on `If-None-Match`). The app talks
/// to the API with the key the translator pastes; the files themselves need no key.
struct StudioRoutes: Sendable {
    /// The files, by path below `/studio/` (`index.html`, `js/main.js`).
    let files: StudioFiles

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// `Referrer-Policy` (HTTPTypes has no constant for it; the literal name is valid).
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentSecurityPolicy

    func register(on router: ParleyRouter) {
        // The router treats `/studio` and `/studio/` as one route; the page's relative URLs
        // (`js/main.js`) need the slash, so a request without it is sent to `/studio/`.
        router.get("/studio") { request, _ in
            guard request.uri.path.hasSuffix("/") else {
                var headers = HTTPFields()
                headers[.location] = "/studio/"
                return Response(status: .movedPermanently, headers: headers)
            }
            return try serve("index.html", request)
        }
        // The app is one folder deep at most (`studio.css`, `js/main.js`): two plain patterns
        // that the OpenAPI document can describe, rather than a catch-all.
        // (The first segment has one name in both, as the router requires.)
        router.get("/studio/{part}") { request, context in
            try serve(context.parameters.get("part") ?? "", request)
        }
        router.get("/studio/{part}/{file}") { request, context in
            try serve("\(context.parameters.get("part") ?? "")/\(context.parameters.get("file") ?? "")", request)
        }
    }

    private func serve(_ path: String, _ request: Request) throws -> Response {
        guard let file = files.file(path) else { throw APIError.notFound("no file '\(path)' in the web app") }
        var headers = HTTPFields()
        headers[.eTag] = file.etag
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[Self.referrerPolicy] = "no-referrer"
        if let condition = request.headers[.ifNoneMatch], CatalogRoutes.matches(condition, etag: file.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

/// The web app's files: read once from the package resources, or on every request from a
/// directory (so that an edit shows on reload while working on the app).
struct StudioFiles: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var etag: String
        var contentType: String
    }

    private let bundled: [String: File]
    private let directory: String?

    /// The built-in copy, or the files under `directory`.
    init(directory: String?) {
        self.directory = directory
        guard directory == nil, let root = Bundle.module.url(forResource: "studio", withExtension: nil) else {
            bundled = [:]
            return
        }
        var files: [String: File] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if let file = Self.load(url, relative) { files[relative] = file }
        }
        bundled = files
    }

    /// The file at `path`, `nil` for anything missing, hidden, outside the app or of an
    /// unknown type.
    func file(_ path: String) -> File? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty, segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") }) else { return nil }
        guard let directory else { return bundled[path] }
        return Self.load(URL(fileURLWithPath: directory).appendingPathComponent(path), path)
    }

    private static func load(_ url: URL, _ path: String) -> File? {
        guard let type = contentType(path), let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        return File(bytes: bytes, etag: "\"\(Digest.sha256Hex(bytes).prefix(32))\"", contentType: type)
    }

    static func contentType(_ path: String) -> String? {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: nil
        }
    }
}
