import AccessControl
import Catalogs
import CatalogWorkflow
import Foundation
import Hummingbird
import Languages
import Storage

/// The translator API: catalogs, keys, edits with `If-Match`, review, history, revert, the audit
/// log and machine pre-translation jobs.
///
/// | Route | Scope |
/// |---|---|
/// | `GET /v1/catalogs`, `GET /v1/catalogs/{lang}/{ns}/keys`, `GET …/keys/{key}`, `GET …/keys/{key}/history` | `catalog:read` |
/// | `PUT …/keys/{key}`, `POST …/keys/{key}/revert` | `catalog:write:{lang}` |
/// | `POST …/keys/{key}/review` to `reviewed` | `catalog:review:{lang}` (to `translated`: `catalog:write:{lang}`) |
/// | `POST /v1/catalogs/{lang}/pretranslate`, `GET /v1/jobs/{id}`, `GET /v1/audit` | `admin` |
///
/// English is the source of every other language (QA, pre-translation and fallback all read
/// it), so changing an English value needs `admin`, not `catalog:write:en`.
///
/// Writes are conditional: `If-Match: "<revision>"` is required (428 without it, `*` included:
/// a blind overwrite is what the precondition prevents), a stale revision gets 412 with the
/// current key inside `error.current`; QA errors get 422 with `error.findings`; warnings are
/// stored and returned. A write is committed (fsynced) before the response, and the namespace's
/// served ETag changes with it.
public struct CatalogEditRoutes: Sendable {
    public let catalogs: CatalogService
    public let jobs: JobRegistry
    public let pretranslate: PretranslateFunction?
    public let webhooks: WebhookChangeMonitor?

    /// - Parameters:
    ///   - pretranslate: machine translation for pre-translation jobs (`nil`: 503 on the route).
    ///   - webhooks: told about every change (`nil`: no webhook configured).
    public init(catalogs: CatalogService, jobs: JobRegistry, pretranslate: PretranslateFunction? = nil, webhooks: WebhookChangeMonitor? = nil) {
        self.catalogs = catalogs
        self.jobs = jobs
        self.pretranslate = pretranslate
        self.webhooks = webhooks
    }

    struct KeyList: Codable {
        var language: String
        var namespace: String
        var total: Int
        var keys: [CatalogEditKeyView]
    }

    struct ReviewBody: Codable {
        var state: String?
    }

    struct RevertBody: Codable {
        var revision: Int
    }

    struct HistoryItem: Codable {
        var revision: Int
        var kind: String
        var author: String
        var at: Date
        var old: CatalogEditValueBody?
        var new: CatalogEditValueBody?
        var oldState: String?
        var newState: String?
        var note: String?
    }

    struct History: Codable {
        var language: String
        var namespace: String
        var key: String
        var revisions: [HistoryItem]
    }

    public func register(on router: ParleyRouter) {
        if let webhooks { Task { await webhooks.check() } }
        router.get("/v1/catalogs") { _, context in
            try context.require(.catalogRead)
            return try JSONResponse.make(try await CatalogEditStats.make(catalogs))
        }
        router.get("/v1/catalogs/{lang}/{ns}/keys") { request, context in
            try context.require(.catalogRead)
            return try await listKeys(request, context)
        }
        router.get("/v1/catalogs/{lang}/{ns}/keys/{key}") { _, context in
            try context.require(.catalogRead)
            let (language, namespace, key) = try address(context)
            guard let entry = try await mapping({ try await catalogs.entry(language: language, namespace: namespace, key: key) }), !entry.obsolete else {
                throw APIError.notFound("no key '\(key)' in \(language.code)/\(namespace)")
            }
            return try await respond(entry)
        }
        router.put("/v1/catalogs/{lang}/{ns}/keys/{key}") { request, context in
            let (language, namespace, key) = try address(context)
            try requireWrite(language, context)
            let revision = try Self.ifMatch(request)
            let body = try await request.decode(as: CatalogEditValueBody.self, context: context)
            let value = try body.catalogValue(for: language)
            let saved = try await mapping {
                try await catalogs.save(language: language, namespace: namespace, key: key, value: value, expectedRevision: revision, author: Self.author(context))
            }
            changed(language, namespace)
            return try await respond(saved.entry)
        }
        router.post("/v1/catalogs/{lang}/{ns}/keys/{key}/review") { request, context in
            let (language, namespace, key) = try address(context)
            let body = try await Self.optionalBody(ReviewBody.self, request, context)
            let state: CatalogEntryState
            switch body?.state ?? "reviewed" {
            case "reviewed": state = .reviewed
            case "translated": state = .translated
            default: throw APIError.badRequest(code: "invalid_body", message: "state must be reviewed or translated")
            }
            if language == .english { try context.require(.admin) }
            try context.require(state == .reviewed ? .catalogReview(language) : .catalogWrite(language))
            let revision = try Self.ifMatch(request)
            let current = try await mapping { try await catalogs.entry(language: language, namespace: namespace, key: key) }
            guard let current, !current.obsolete else { throw APIError.notFound("no key '\(key)' in \(language.code)/\(namespace)") }
            if current.value == nil {
                throw APIError.conflict(code: "no_value", message: "\(language.code)/\(namespace):\(key) is untranslated; there is nothing to mark \(state.rawValue)")
            }
            let entry = try await mapping {
                try await catalogs.setState(language: language, namespace: namespace, key: key, state: state, expectedRevision: revision, author: Self.author(context))
            }
            changed(language, namespace)
            return try await respond(entry)
        }
        router.get("/v1/catalogs/{lang}/{ns}/keys/{key}/history") { _, context in
            try context.require(.catalogRead)
            let (language, namespace, key) = try address(context)
            let revisions = try await mapping { try await catalogs.history(language: language, namespace: namespace, key: key) }
            return try JSONResponse.make(History(language: language.code, namespace: namespace, key: key, revisions: revisions.map { revision in
                HistoryItem(
                    revision: revision.revision, kind: revision.kind.rawValue, author: revision.author, at: revision.at,
                    old: revision.oldValue.map(CatalogEditValueBody.init), new: revision.newValue.map(CatalogEditValueBody.init),
                    oldState: revision.oldState?.rawValue, newState: revision.newState?.rawValue, note: revision.note)
            }))
        }
        router.post("/v1/catalogs/{lang}/{ns}/keys/{key}/revert") { request, context in
            let (language, namespace, key) = try address(context)
            try requireWrite(language, context)
            let revision = try Self.ifMatch(request)
            let body = try await request.decode(as: RevertBody.self, context: context)
            let history = try await mapping { try await catalogs.history(language: language, namespace: namespace, key: key) }
            if let target = history.last(where: { $0.revision == body.revision && $0.kind != .suggestion }), target.newState == .reviewed {
                try context.require(.catalogReview(language))
            }
            let saved = try await mapping {
                try await catalogs.revert(language: language, namespace: namespace, key: key, to: body.revision, expectedRevision: revision, author: Self.author(context))
            }
            changed(language, namespace)
            return try await respond(saved.entry)
        }
        PretranslationRoutes(jobs: PretranslationJobs(catalogs: catalogs, registry: jobs, translate: pretranslate, changes: webhooks)).register(on: router)
        AuditRoutes(store: catalogs.store as? any AuditStore).register(on: router)
    }

    // MARK: Handlers

    func listKeys(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let language = try Self.language(context)
        let namespace = context.parameters.get("ns") ?? ""
        guard try await catalogs.namespaces().contains(namespace) else { throw APIError.notFound("no namespace '\(namespace)'") }
        let query = request.uri.queryParameters
        var states: Set<CatalogEntryState>?
        if let text = query.get("state"), !text.isEmpty {
            var parsed: Set<CatalogEntryState> = []
            for name in text.split(separator: ",") {
                guard let state = CatalogEntryState(rawValue: String(name)) else {
                    throw APIError.badRequest(code: "invalid_filter", message: "state must be one of \(CatalogEntryState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                parsed.insert(state)
            }
            states = parsed
        }
        let check = query.get("check").flatMap { $0.isEmpty ? nil : $0 }
        if let check, CatalogCheck(rawValue: check) == nil, CatalogSeverity(rawValue: check) == nil {
            throw APIError.badRequest(
                code: "invalid_filter",
                message: "check must be a check id (\(CatalogCheck.allCases.map(\.rawValue).joined(separator: ", "))) or a severity (error, warning, info)")
        }
        let text = query.get("q").flatMap { $0.isEmpty ? nil : $0.lowercased() }
        var needsReview: Bool?
        switch query.get("needsReview") {
        case nil, "": needsReview = nil
        case "true": needsReview = true
        case "false": needsReview = false
        default: throw APIError.badRequest(code: "invalid_filter", message: "needsReview must be true or false")
        }
        let limit = try Self.integer(query.get("limit"), name: "limit") ?? 1000
        let offset = try Self.integer(query.get("offset"), name: "offset") ?? 0
        let entries = try await mapping { try await catalogs.entries(language: language, namespace: namespace) }
        var views: [CatalogEditKeyView] = []
        for entry in entries where !entry.obsolete {
            if let states, !states.contains(entry.state) { continue }
            if let needsReview, entry.needsReview != needsReview { continue }
            let machine = entry.value == nil ? try await catalogs.storedFindings(language: language, namespace: namespace, key: entry.key) : []
            let view = CatalogEditKeyView(entry, glossary: catalogs.glossary, machineFindings: machine)
            if let check, !view.hasFinding(check) { continue }
            if let text, !view.matches(text) { continue }
            views.append(view)
        }
        let page = Array(views.dropFirst(offset).prefix(limit))
        return try JSONResponse.make(KeyList(language: language.code, namespace: namespace, total: views.count, keys: page))
    }

    func respond(_ entry: CatalogEntry) async throws -> Response {
        let machine = entry.value == nil
            ? try await catalogs.storedFindings(language: entry.language, namespace: entry.namespace, key: entry.key) : []
        var headers = HTTPFields()
        headers[.eTag] = entry.etag
        headers[.cacheControl] = "no-store"
        return try JSONResponse.make(CatalogEditKeyView(entry, glossary: catalogs.glossary, machineFindings: machine), headers: headers)
    }

    /// Tells the webhook monitor, in the background (the response does not wait).
    func changed(_ language: Language, _ namespace: String) {
        guard let webhooks else { return }
        Task { await webhooks.changed(language: language.code, namespace: namespace) }
    }

    func requireWrite(_ language: Language, _ context: ParleyRequestContext) throws(APIError) {
        try context.require(language == .english ? .admin : .catalogWrite(language))
    }

    func address(_ context: ParleyRequestContext) throws -> (Language, String, String) {
        let language = try Self.language(context)
        let namespace = context.parameters.get("ns") ?? ""
        let raw = context.parameters.get("key") ?? ""
        let key = raw.removingPercentEncoding ?? raw
        guard CatalogNames.isValidNamespace(namespace) else { throw APIError.notFound("no namespace '\(namespace)'") }
        guard (try? CatalogNames.validateKey(key)) != nil else { throw APIError.notFound("no key '\(key)' in \(language.code)/\(namespace)") }
        return (language, namespace, key)
    }

    static func language(_ context: ParleyRequestContext) throws(APIError) -> Language {
        let code = context.parameters.get("lang") ?? ""
        guard let language = Language(rawValue: code) else {
            throw APIError.notFound("no catalog language '\(code)'; available: \(Language.supportedCodes.joined(separator: ", "))")
        }
        return language
    }

    /// Who the revision is recorded for: the key's name and id.
    static func author(_ context: ParleyRequestContext) -> String {
        let principal = context.principal
        guard let id = principal.keyID else { return principal.name }
        return "\(principal.name) (\(id))"
    }

    /// The revision `If-Match` names. 428 without the header (or with `*`); a tag that is not
    /// a revision matches nothing (412 follows from the revision check with `-1`).
    static func ifMatch(_ request: Request) throws(APIError) -> Int {
        guard let header = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            throw APIError.preconditionRequired("send If-Match with the key's ETag (its revision, e.g. If-Match: \"3\"); GET the key to learn it")
        }
        if header == "*" {
            throw APIError.preconditionRequired("If-Match: * would overwrite blindly; send the key's ETag (its revision)")
        }
        // Strong comparison: weak tags never match (RFC 9110 §13.1.1).
        for candidate in header.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard !candidate.hasPrefix("W/"), candidate.count >= 3, candidate.hasPrefix("\""), candidate.hasSuffix("\""),
                  let revision = Int(candidate.dropFirst().dropLast()) else { continue }
            return revision
        }
        return -1
    }

    static func integer(_ text: String?, name: String) throws(APIError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 0 else { throw APIError.badRequest(code: "invalid_filter", message: "\(name) must be a non-negative integer") }
        return value
    }

    /// Decodes a JSON body if there is one (empty bodies give `nil`).
    static func optionalBody<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ParleyRequestContext) async throws -> T? {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError.payloadTooLarge(limit: context.maxUploadSize)
        }
        let data = Data(buffer: buffer)
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return nil }
        return try ParleyJSONDecoder.decode(type, from: data)
    }

    /// Runs `body`, turning ``CatalogError`` into API errors: 412 with the current key, 422
    /// with the findings.
    func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CatalogError {
            throw apiError(error)
        }
    }

    func apiError(_ error: CatalogError) -> APIError {
        switch error {
        case .revisionMismatch(_, let current):
            let fragment = current.flatMap { try? JSONFragment(CatalogEditKeyView($0, glossary: catalogs.glossary)) }
            return .preconditionFailed(
                message: "the key changed since you read it: it is at revision \(current.map { String($0.revision) } ?? "none"); "
                    + "review the current value (error.current) and send its ETag", current: fragment)
        case .rejectedByChecks(let findings):
            return .unprocessable(
                code: error.code, message: error.description,
                findings: try? JSONFragment(findings.map { CatalogEditKeyView.Finding($0) }))
        default:
            return CatalogRoutes.apiError(error)
        }
    }
}
