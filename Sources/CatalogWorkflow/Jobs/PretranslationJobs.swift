import Catalogs
import Foundation
import Languages
import Storage

/// Starts machine pre-translations as background jobs in the store: what `POST
/// /v1/catalogs/{lang}/pretranslate` does behind its scope check, and the job's status for
/// `GET /v1/jobs/{id}` on any instance.
///
/// The request is checked before a job exists (English is the source; the namespace must
/// exist; machine translation must be configured), then saved as a ``JobRegistry`` item that
/// whichever instance claims it runs with the ``Pretranslator``; when it ends — finished or
/// failed — the change monitor compares catalog versions so that webhooks hear about every
/// namespace it changed. A job resumed after its instance died starts over on what is left:
/// keys it already translated (state `machine`, written since the job was made) are not
/// translated again, and keys a translator saved meanwhile are never touched.
///
/// ```swift
/// let jobs = PretranslationJobs(catalogs: catalogs, registry: JobRegistry(store: store), translate: Pretranslator.engineFunction(engine))
/// let status = try await jobs.start(language: .arabic, namespace: "chat", onlyMissing: true, requestedBy: "admin")
/// ```
public struct PretranslationJobs: Sendable {
    public static let kind = "catalog.pretranslate"
    public let catalogs: CatalogService
    public let registry: JobRegistry
    /// `nil`: no machine translation is configured (``PretranslationError/unavailable``).
    public let translate: PretranslateFunction?
    /// Told when a job ends (`nil`: no webhook configured).
    public let changes: WebhookChangeMonitor?

    /// What a job item carries.
    struct Payload: Codable {
        var language: String
        var namespace: String?
        var onlyMissing: Bool
        var author: String
    }

    public init(catalogs: CatalogService, registry: JobRegistry, translate: PretranslateFunction?, changes: WebhookChangeMonitor?) {
        self.catalogs = catalogs
        self.registry = registry
        self.translate = translate
        self.changes = changes
        if let translate {
            registry.register(kind: Self.kind) { [catalogs, changes] item, progress in
                await Self.run(item, catalogs: catalogs, translate: translate, changes: changes, progress: progress)
            }
        }
    }

    /// Checks the request and queues the job; returns its queued status at once.
    /// - Throws: ``PretranslationError`` for a request that cannot start; store errors.
    public func start(language: Language, namespace: String?, onlyMissing: Bool, requestedBy: String) async throws -> JobStatus {
        guard language != .english else { throw PretranslationError.sourceLanguage }
        if let namespace, !(try await catalogs.namespaces().contains(namespace)) {
            throw PretranslationError.unknownNamespace(namespace)
        }
        guard translate != nil else { throw PretranslationError.unavailable }
        let payload = Payload(language: language.code, namespace: namespace, onlyMissing: onlyMissing, author: "machine (\(requestedBy))")
        let id = "job_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let item = WorkItemRecord(
            id: String(id), kind: Self.kind, payload: String(decoding: try JSONEncoder().encode(payload), as: UTF8.self),
            requestedBy: requestedBy, language: language.code, namespace: namespace)
        _ = try await registry.enqueue(item)
        return JobStatus(item)
    }

    /// The job `id`, `nil` when there is none (or it is not a pre-translation).
    public func status(_ id: String) async throws -> JobStatus? {
        guard let item = try await registry.item(id), item.kind == Self.kind else { return nil }
        return JobStatus(item)
    }

    static func run(
        _ item: WorkItemRecord, catalogs: CatalogService, translate: @escaping PretranslateFunction, changes: WebhookChangeMonitor?,
        progress: @escaping @Sendable (String) -> Void
    ) async -> WorkRelease {
        let encoder = JSONEncoder()
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(item.payload.utf8)),
              let language = Language.parse(payload.language)
        else { return .finished(.failed, result: nil, reason: "unreadable job") }
        var request = PretranslationRequest(language: language, namespace: payload.namespace, onlyMissing: payload.onlyMissing, author: payload.author)
        // A second claim resumes a job whose instance stopped: what it already wrote stays.
        if item.attempts > 1 { request.keepMachineValuesSince = item.createdAt }
        defer { Task { await changes?.check() } }
        do {
            let report = try await Pretranslator(catalogs: catalogs, translate: translate).run(request) { state in
                if let json = try? encoder.encode(state) { progress(String(decoding: json, as: UTF8.self)) }
            }
            let result = (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) }
            return .finished(report.stoppedReason == nil ? .completed : .failed, result: result, reason: report.stoppedReason)
        } catch {
            return .finished(.failed, result: nil, reason: "\(error)")
        }
    }
}
