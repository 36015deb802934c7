/// Turns a source text and the server's language codes into the fake's "translation".
public typealias FakeTranslator = @Sendable (_ text: String, _ source: String, _ target: String) -> String

/// How one fake speaks its server's protocol; the shared control adds the faults.
protocol FakeDialect: Sendable {
    /// The number of texts in `request` if it asks for translations, nil for other routes.
    func translationBatchSize(_ request: FakeRequest) -> Int?
    /// The real server's answer to `request`.
    func respond(to request: FakeRequest, behaviour: FakeBehaviour) async -> FakeResponse
    /// The server's own 500.
    func serverError() -> FakeResponse
    /// The server's own 429.
    func rateLimited(retryAfter: Int?) -> FakeResponse
}

/// Translation faults in force for one request.
struct FakeBehaviour: Sendable {
    /// Return inputs unchanged.
    var echo = false
    /// One output fewer (or one more for a single text).
    var wrongCount = false
    /// A translator set by the test, replacing the fake's default.
    var custom: FakeTranslator?

    /// The translation of `text`: the input for `echo`, else the custom or the default one.
    func translate(_ text: String, source: String, target: String, default translator: FakeTranslator) -> String {
        if echo { return text }
        if let custom { return custom(text, source, target) }
        return translator(text, source, target)
    }

    /// `outputs` with the wrong count when asked for.
    func counted<T>(_ outputs: [T]) -> [T] {
        guard wrongCount else { return outputs }
        return outputs.count == 1 ? outputs + outputs : Array(outputs.dropLast())
    }
}
