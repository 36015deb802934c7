import CatalogWorkflow
import Foundation
import Hummingbird

/// `POST /v1/catalogs/{lang}/pretranslate` (admin): starts a machine pre-translation job and
/// answers 202 with it; `GET /v1/jobs/{id}` (admin) shows its progress (done/total, rate, ETA)
/// and outcome (counts, refused keys with their findings, why it stopped). The work is
/// ``CatalogWorkflow/PretranslationJobs``'.
struct PretranslationRoutes: Sendable {
    let jobs: PretranslationJobs

    struct Body: Codable {
        var namespace: String?
        var onlyMissing: Bool?
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/catalogs/{lang}/pretranslate") { request, context in
            try context.require(.admin)
            let language = try CatalogEditRoutes.language(context)
            let body = try await CatalogEditRoutes.optionalBody(Body.self, request, context)
            let status: JobStatus
            do {
                status = try await jobs.start(
                    language: language, namespace: body?.namespace, onlyMissing: body?.onlyMissing ?? false,
                    requestedBy: CatalogEditRoutes.author(context))
            } catch let error as PretranslationError {
                throw error.apiError
            }
            var headers = HTTPFields()
            headers[.location] = "/v1/jobs/\(status.id)"
            return try JSONResponse.make(status, status: .accepted, headers: headers)
        }
        router.get("/v1/jobs/{id}") { _, context in
            try context.require(.admin)
            let id = context.parameters.get("id") ?? ""
            guard let status = try await jobs.status(id) else { throw APIError.notFound("no job '\(id)'") }
            return try JSONResponse.make(status)
        }
    }
}
