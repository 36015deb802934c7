import Glossary

extension Glossary {
    /// The glossary's own problems as catalog findings (check `glossary-file`, keyed by the
    /// glossary line), for `parley catalog lint` and `parley glossary check`.
    public func validate() -> [CatalogFinding] {
        problems().map { problem in
            CatalogFinding(
                .glossaryFile, severity: problem.severity == .error ? .error : .warning,
                language: problem.language?.code, key: problem.origin, message: problem.message)
        }
    }

    /// The glossary terms that occur in an English catalog source (i18next markup removed first).
    public func hits(inSource source: String) -> [GlossaryTerm] {
        hits(in: CatalogTokens.plainText(source))
    }
}
