import AccessControl
import Hummingbird
import Languages

/// `GET /v1/me`: who the caller is and what they may do with the catalogs — what the
/// translator web app shows after sign-in, and what it hides.
struct SessionRoutes: Sendable {
    struct Me: Codable {
        var id: String?
        var name: String
        var scopes: [String]
        var admin: Bool
        var canRead: Bool
        /// Languages whose values the caller may save (English, the source, needs admin).
        var writeLanguages: [String]
        /// Languages whose values the caller may mark reviewed.
        var reviewLanguages: [String]
    }

    func register(on router: ParleyRouter) {
        router.get("/v1/me") { _, context in
            let principal = context.principal
            let admin = principal.may(.admin)
            let write = Language.allCases.filter { $0 == .english ? admin : principal.may(.catalogWrite($0)) }
            let review = Language.allCases.filter { $0 == .english ? admin : principal.may(.catalogReview($0)) }
            return try JSONResponse.make(Me(
                id: principal.keyID, name: principal.name, scopes: principal.scopes.map(\.description), admin: admin,
                canRead: principal.may(.catalogRead), writeLanguages: write.map(\.code), reviewLanguages: review.map(\.code)))
        }
    }
}
