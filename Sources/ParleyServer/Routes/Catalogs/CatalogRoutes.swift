import Catalogs
import Foundation
import Hummingbird
import Languages

/// `GET /locales/{lng}/{ns}.json` and `GET /locales/{lng}`: the UI catalogs, exactly as
/// i18next-http-backend loads them.
///
/// 200 `application/json; charset=utf-8` with a strong `ETag` and `Cache-Control`; 304 when
/// `If-None-Match` matches (a list, weak tags or `*`); Parley's JSON 404 for an unknown
/// language or namespace (i18next does not retry 4xx). `lng` falls back regionally (`ar-EG` →
/// `ar`, `es-419` → `es`, any case); the pseudo-locales `en-XA` and `ar-XB` match first, by
/// exact name. A real language without catalogs here (`fr`, `pt-BR`, `zh-Hant`: the web
/// client offers 16) gets 200 `{}` for each namespace: i18next then takes every key from its
/// `fallbackLng` (English), with no failed request in the browser's console and no retry; a
/// tag that names no language (`xx`) is a 404. Reads need `catalog:read` unless
/// `auth.publicCatalogs`.
public struct CatalogRoutes: Sendable {
    public let catalogs: CatalogService
    public let publicCatalogs: Bool
    /// Seconds browsers may use a document before revalidating it.
    public let maxAge: Int

    public init(catalogs: CatalogService, publicCatalogs: Bool, maxAge: Int = 60) {
        self.catalogs = catalogs
        self.publicCatalogs = publicCatalogs
        self.maxAge = maxAge
    }

    struct NamespaceListing: Codable {
        var language: String
        var requested: String
        var direction: String
        var namespaces: [String]
    }

    public func register(on router: ParleyRouter) {
        router.get("/locales/{lng}/{ns}.json") { request, context in
            try await document(request, context)
        }
        router.get("/locales/{lng}") { _, context in
            if !publicCatalogs { try context.require(.catalogRead) }
            let requested = context.parameters.get("lng") ?? ""
            let locale = try Self.locale(requested)
            let direction = switch locale {
            case .language(let language): language.direction.rawValue
            case .pseudo(let pseudo): pseudo == .rightToLeft ? "rtl" : "ltr"
            }
            let namespaces = try await Self.mapping { try await catalogs.namespaces() }
            var headers = HTTPFields()
            headers[.cacheControl] = cacheControl
            return try JSONResponse.make(
                NamespaceListing(language: locale.code, requested: requested, direction: direction, namespaces: namespaces), headers: headers)
        }
    }

    var cacheControl: String { "\(publicCatalogs ? "public" : "private"), max-age=\(maxAge), must-revalidate" }

    func document(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        if !publicCatalogs { try context.require(.catalogRead) }
        let tag = context.parameters.get("lng") ?? ""
        let namespace = context.parameters.get("ns") ?? ""
        let document: ServedDocument
        if let language = CatalogLocale.uncataloguedLanguage(tag) {
            document = try await Self.mapping { try await catalogs.emptyDocument(language: language, namespace: namespace) }
        } else {
            let locale = try Self.locale(tag)
            document = try await Self.mapping { try await catalogs.document(locale: locale, namespace: namespace) }
        }
        var headers = HTTPFields()
        headers[.eTag] = document.etag
        headers[.cacheControl] = cacheControl
        headers[.contentLanguage] = document.locale
        headers[.vary] = publicCatalogs ? "Accept-Encoding" : "Authorization, Accept-Encoding"
        if let condition = request.headers[.ifNoneMatch], Self.matches(condition, etag: document.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document.bytes)))
    }

    /// RFC 9110 `If-None-Match`: `*`, or a list of (weak or strong) tags compared weakly.
    static func matches(_ header: String, etag: String) -> Bool {
        let candidates = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let opaque = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
        return candidates.contains { candidate in
            candidate == "*" || (candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate) == opaque
        }
    }

    static func locale(_ tag: String) throws -> CatalogLocale {
        guard let locale = CatalogLocale(resolving: tag) else {
            let pseudo = PseudoLocale.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.notFound("no catalogs for language '\(tag)'; available: \(Language.supportedCodes.joined(separator: ", ")), \(pseudo)")
        }
        return locale
    }

    /// Runs `body`, turning ``CatalogError`` into Parley's API errors.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CatalogError {
            throw apiError(error)
        }
    }

    /// The API error for a catalog error: one status and stable code each.
    public static func apiError(_ error: CatalogError) -> APIError {
        switch error.httpStatus {
        case 404: .notFound(error.description)
        case 400: .badRequest(code: error.code, message: error.description)
        default: .internal(error.description)
        }
    }
}
