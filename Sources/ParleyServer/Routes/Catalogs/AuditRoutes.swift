import Foundation
import Hummingbird
import Storage

/// `GET /v1/audit` (admin): who changed what, newest first — every catalog revision (edits,
/// reviews, reverts, imports, machine pre-translations) and other audited events. Filters:
/// `lang`, `namespace`, `actor`, `since` (ISO 8601), `limit` (default 100, at most 1000).
struct AuditRoutes: Sendable {
    let store: (any AuditStore)?

    struct Entry: Codable {
        var at: Date
        var actor: String
        var action: String
        var language: String?
        var namespace: String?
        var key: String?
        var revision: Int?
        var oldValue: String?
        var newValue: String?
        var oldState: String?
        var newState: String?
        var note: String?
    }

    struct Listing: Codable {
        var entries: [Entry]
    }

    func register(on router: ParleyRouter) {
        router.get("/v1/audit") { request, context in
            try context.require(.admin)
            guard let store else {
                throw APIError.unavailable(code: "audit_unavailable", message: "this store keeps no audit log", retryAfterSeconds: nil)
            }
            let parameters = request.uri.queryParameters
            let limit = try CatalogEditRoutes.integer(parameters.get("limit"), name: "limit") ?? 100
            var query = AuditQuery(limit: min(1000, limit))
            query.language = parameters.get("lang").flatMap { $0.isEmpty ? nil : $0 }
            query.namespace = parameters.get("namespace").flatMap { $0.isEmpty ? nil : $0 }
            query.actor = parameters.get("actor").flatMap { $0.isEmpty ? nil : $0 }
            if let since = parameters.get("since"), !since.isEmpty {
                guard let date = ISO8601DateFormatter().date(from: since) else {
                    throw APIError.badRequest(code: "invalid_filter", message: "since must be an ISO 8601 date-time (2025-01-31T12:00:00Z)")
                }
                query.since = date
            }
            let revisions = try await store.catalogRevisions(query).map { revision in
                Entry(
                    at: revision.at, actor: revision.author, action: "catalog.\(revision.kind.rawValue)", language: revision.language,
                    namespace: revision.namespace, key: revision.key, revision: revision.revision, oldValue: revision.oldValue,
                    newValue: revision.newValue, oldState: revision.oldState?.rawValue, newState: revision.newState?.rawValue, note: revision.note)
            }
            let events = try await store.auditEvents(query).map { event in
                Entry(at: event.at, actor: event.actor, action: event.action, language: event.language, namespace: event.namespace,
                      key: event.key, note: event.detail)
            }
            let entries = (revisions + events).sorted { $0.at > $1.at }.prefix(query.limit)
            return try JSONResponse.make(Listing(entries: Array(entries)))
        }
    }
}
