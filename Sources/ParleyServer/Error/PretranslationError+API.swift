import CatalogWorkflow

extension PretranslationError {
    /// The API error for this error.
    var apiError: APIError {
        switch self {
        case .sourceLanguage: .badRequest(code: code, message: description)
        case .unknownNamespace: .notFound(description)
        case .unavailable: .unavailable(code: code, message: description, retryAfterSeconds: nil)
        case .countMismatch: .internal(description)
        }
    }
}
