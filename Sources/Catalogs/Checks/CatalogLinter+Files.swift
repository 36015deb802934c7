import Languages

extension CatalogLinter {
    /// Lints the catalog files under `root`: format (byte-stable), structure against the
    /// English source, every value check, and the glossary itself.
    public func lintTree(at root: String, languages: [Language]? = nil) throws(CatalogError) -> CatalogLintReport {
        let wanted = languages.map { Array(Set($0 + [.english])) }
        let files = try CatalogTree.files(at: root, languages: wanted)
        var findings: [CatalogFinding] = []
        var documents: [CatalogDocument] = []
        for file in files {
            switch file.document {
            case .failure(let error):
                findings.append(CatalogFinding(.fileFormat, language: file.language.code, namespace: file.namespace, message: error.description))
            case .success(let document):
                if document.serialized() != file.bytes {
                    findings.append(CatalogFinding(
                        .fileFormat, language: file.language.code, namespace: file.namespace,
                        message: "not in the catalog format (2-space indent, \"key\": \"value\", non-ASCII unescaped, plural forms together, trailing newline); `parley catalog export` writes it"))
                }
                documents.append(document)
            }
        }
        findings += lint(documents: documents, languages: languages)
        if let glossary { findings += glossary.validate() }
        let english = documents.filter { $0.language == .english }
        var categories: [String: [String]] = [:]
        for language in Language.allCases { categories[language.code] = language.plurals.categories(.cardinal).map(\.rawValue) }
        return CatalogLintReport(
            findings: findings, files: files.count, keys: english.reduce(0) { $0 + $1.items.count },
            pluralGroups: english.reduce(0) { $0 + $1.items.filter(\.value.isPlural).count }, pluralCategories: categories)
    }

    /// Structure and value checks of parsed documents against the English ones among them.
    public func lint(documents: [CatalogDocument], languages: [Language]? = nil) -> [CatalogFinding] {
        var findings: [CatalogFinding] = []
        var english: [String: CatalogDocument] = [:]
        for document in documents where document.language == .english { english[document.namespace] = document }
        if english.isEmpty {
            findings.append(CatalogFinding(.structure, language: "en", message: "no English source catalogs"))
        }
        let byLanguage = Dictionary(grouping: documents, by: \.language)
        for language in Language.allCases where languages?.contains(language) ?? true {
            let docs = byLanguage[language] ?? []
            if docs.isEmpty {
                if language != .english, !english.isEmpty {
                    findings.append(CatalogFinding(.structure, language: language.code, message: "no catalogs for \(language.code)"))
                }
                continue
            }
            let namespaces = Set(docs.map(\.namespace))
            for namespace in english.keys.sorted() where !namespaces.contains(namespace) {
                findings.append(CatalogFinding(.structure, language: language.code, namespace: namespace, message: "file missing"))
            }
            for document in docs {
                guard let source = english[document.namespace] else {
                    findings.append(CatalogFinding(.structure, language: language.code, namespace: document.namespace, message: "namespace not in the English source"))
                    continue
                }
                findings += lint(document: document, source: source)
            }
        }
        return findings
    }

    /// One document against its English source.
    public func lint(document: CatalogDocument, source: CatalogDocument) -> [CatalogFinding] {
        var findings: [CatalogFinding] = []
        let language = document.language, namespace = document.namespace
        let sourceValues = Dictionary(source.items.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if language != .english {
            let targetKeys = Set(document.items.map(\.key))
            let missing = source.items.map(\.key).filter { !targetKeys.contains($0) }
            let extra = document.items.map(\.key).filter { sourceValues[$0] == nil }
            if !missing.isEmpty {
                findings.append(CatalogFinding(.structure, language: language.code, namespace: namespace, message: "missing keys: \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? " (+\(missing.count - 8))" : "")"))
            }
            for key in extra {
                findings.append(CatalogFinding(.structure, language: language.code, namespace: namespace, key: key, message: "key not in the English source"))
            }
            let order = document.items.map(\.key).filter { sourceValues[$0] != nil }
            let sourceOrder = source.items.map(\.key).filter { targetKeys.contains($0) }
            if order != sourceOrder {
                findings.append(CatalogFinding(.keyOrder, language: language.code, namespace: namespace, message: "keys are not in the English order"))
            }
        }
        for item in document.items {
            findings += check(language: language, namespace: namespace, key: item.key,
                              source: language == .english ? nil : sourceValues[item.key], target: item.value)
        }
        return findings
    }
}
