/// One request and answer recorded from a real server (see `Fixtures/`), replayed against the
/// fakes.
public struct RecordedExchange: Sendable {
    /// The command as recorded, e.g. `curl http://127.0.0.1:5000/health`.
    public var command: String
    public var method: String
    /// Path and query.
    public var uri: String
    /// The request's `Content-Type` (curl sends `application/x-www-form-urlencoded` with `-d`).
    public var contentType: String?
    public var body: String
    public var status: Int
    /// The answer's content type as recorded.
    public var responseContentType: String
    public var responseBody: String
    /// Whether the answer's text came from the model (a fake cannot repeat it byte for byte;
    /// only the shape is comparable).
    public var dependsOnModel: Bool

    public init(command: String, method: String, uri: String, contentType: String? = nil, body: String = "",
                status: Int, responseContentType: String, responseBody: String, dependsOnModel: Bool = false) {
        self.command = command
        self.method = method
        self.uri = uri
        self.contentType = contentType
        self.body = body
        self.status = status
        self.responseContentType = responseContentType
        self.responseBody = responseBody
        self.dependsOnModel = dependsOnModel
    }
}
