import Catalogs
import Glossary
import Hummingbird
import Languages

/// `GET /v1/glossary`: the term base applied to translations and catalog checks.
struct GlossaryRoutes {
    let glossary: Glossary?

    struct TermBody: Encodable {
        var terms: [String: String]
        var dnt: Bool
        var caseSensitive: Bool
        var note: String?
    }

    struct GlossaryBody: Encodable {
        var version: String?
        var terms: [TermBody]
    }

    func register(on router: ParleyRouter) {
        router.get("/v1/glossary") { _, context in
            try context.require(.translate)
            let terms = (glossary?.terms ?? []).map { term in
                TermBody(
                    terms: Dictionary(uniqueKeysWithValues: term.terms.map { ($0.key.code, $0.value) }),
                    dnt: term.doNotTranslate, caseSensitive: term.caseSensitive, note: term.note)
            }
            return try JSONResponse.make(GlossaryBody(version: glossary?.version, terms: terms))
        }
    }
}
