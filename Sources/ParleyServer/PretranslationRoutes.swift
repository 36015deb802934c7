import Catalogs
import Foundation
import Hummingbird
import Languages

/// `POST /v1/catalogs/{lang}/pretranslate` (admin): starts a machine pre-translation job and
/// answers 202 with it; `GET /v1/jobs/{id}` (admin) shows its progress (done/total, rate, ETA)
/// and outcome (counts, refused keys with their findings, why it stopped).
struct PretranslationRoutes: Sendable {
    let catalogs: CatalogService
    let jobs: JobRegistry
    let pretranslate: PretranslateFunction?
    let webhooks: WebhookChangeMonitor?

    struct Body: Codable {
        var namespace: String?
        var onlyMissing: Bool?
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/catalogs/{lang}/pretranslate") { request, context in
            try context.require(.admin)
            let language = try CatalogEditRoutes.language(context)
            let body = try await CatalogEditRoutes.optionalBody(Body.self, request, context)
            guard language != .english else { throw PretranslationError.sourceLanguage.apiError }
            if let namespace = body?.namespace, !(try await catalogs.namespaces().contains(namespace)) {
                throw PretranslationError.unknownNamespace(namespace).apiError
            }
            guard let pretranslate else { throw PretranslationError.unavailable.apiError }
            let author = "machine (\(CatalogEditRoutes.author(context)))"
            let job = PretranslationRequest(language: language, namespace: body?.namespace, onlyMissing: body?.onlyMissing ?? false, author: author)
            let pretranslator = Pretranslator(catalogs: catalogs, translate: pretranslate)
            let webhooks = webhooks
            let status = await jobs.start(
                kind: "catalog.pretranslate", language: language.code, namespace: body?.namespace, requestedBy: CatalogEditRoutes.author(context)
            ) { progress in
                do {
                    let report = try await pretranslator.run(job, progress: progress)
                    await webhooks?.check()
                    return report
                } catch {
                    await webhooks?.check()
                    throw error
                }
            }
            var headers = HTTPFields()
            headers[.location] = "/v1/jobs/\(status.id)"
            return try JSONResponse.make(status, status: .accepted, headers: headers)
        }
        router.get("/v1/jobs/{id}") { _, context in
            try context.require(.admin)
            let id = context.parameters.get("id") ?? ""
            guard let status = await jobs.status(id) else { throw APIError.notFound("no job '\(id)'") }
            return try JSONResponse.make(status)
        }
    }
}
