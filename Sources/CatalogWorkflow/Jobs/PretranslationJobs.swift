import Catalogs
import Languages

/// Starts machine pre-translations as background jobs: what `POST
/// /v1/catalogs/{lang}/pretranslate` does behind its scope check.
///
/// The request is checked before a job exists (English is the source; the namespace must
/// exist; machine translation must be configured), then the ``Pretranslator`` runs in a
/// ``JobRegistry`` job, and when it ends — finished or failed — the change monitor compares
/// catalog versions so that webhooks hear about every namespace it changed.
///
/// ```swift
/// let jobs = PretranslationJobs(catalogs: catalogs, registry: JobRegistry(), translate: Pretranslator.engineFunction(engine))
/// let status = try await jobs.start(language: .arabic, namespace: "chat", onlyMissing: true, requestedBy: "admin")
/// ```
public struct PretranslationJobs: Sendable {
    public let catalogs: CatalogService
    public let registry: JobRegistry
    /// `nil`: no machine translation is configured (``PretranslationError/unavailable``).
    public let translate: PretranslateFunction?
    /// Told when a job ends (`nil`: no webhook configured).
    public let changes: WebhookChangeMonitor?

    public init(catalogs: CatalogService, registry: JobRegistry, translate: PretranslateFunction?, changes: WebhookChangeMonitor?) {
        self.catalogs = catalogs
        self.registry = registry
        self.translate = translate
        self.changes = changes
    }

    /// Checks the request and starts the job; returns its queued status at once.
    /// - Throws: ``PretranslationError`` for a request that cannot start; store errors.
    public func start(language: Language, namespace: String?, onlyMissing: Bool, requestedBy: String) async throws -> JobStatus {
        guard language != .english else { throw PretranslationError.sourceLanguage }
        if let namespace, !(try await catalogs.namespaces().contains(namespace)) {
            throw PretranslationError.unknownNamespace(namespace)
        }
        guard let translate else { throw PretranslationError.unavailable }
        let request = PretranslationRequest(language: language, namespace: namespace, onlyMissing: onlyMissing, author: "machine (\(requestedBy))")
        let pretranslator = Pretranslator(catalogs: catalogs, translate: translate)
        let changes = changes
        return await registry.start(kind: "catalog.pretranslate", language: language.code, namespace: namespace, requestedBy: requestedBy) { progress in
            do {
                let report = try await pretranslator.run(request, progress: progress)
                await changes?.check()
                return report
            } catch {
                await changes?.check()
                throw error
            }
        }
    }
}
