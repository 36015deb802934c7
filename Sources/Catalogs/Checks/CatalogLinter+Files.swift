import Languages

extension CatalogLinter {
    /// Lints the catalog files under `root`: structure against the English source, every value
    /// check, and the glossary itself. A file that cannot be read as JSON is a `file-format`
    /// error; whether a readable file is laid out in the byte-stable format is a separate
    /// question, asked only with `format` (`parley catalog lint --format`): the layout of a file
    /// someone else wrote is not a translation error.
    public func lintTree(at root: String, languages: [Language]? = nil, format: Bool = false) throws(CatalogError) -> CatalogLintReport {
        let wanted = languages.map { Array(Set($0 + [.english])) }
        let files = try CatalogTree.files(at: root, languages: wanted)
        var findings: [CatalogFinding] = []
        var documents: [CatalogDocument] = []
        for file in files {
            switch file.document {
            case .failure(let error):
                findings.append(CatalogFinding(.fileFormat, language: file.language.code, namespace: file.namespace, message: error.description))
            case .success(let document):
                if format, document.serialized() != file.bytes {
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
                    findings.append(CatalogFinding(.structure, severity: .warning, language: language.code, message: "no catalogs for \(language.code) (not started)"))
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
        let items = language == .english ? document.items : Self.regrouped(document.items, source: sourceValues)
        if language != .english {
            let targetKeys = Set(items.map(\.key))
            for item in source.items where !targetKeys.contains(item.key) {
                let message = switch item.value {
                case .plural:
                    "plural group missing: \(language.plurals.categories(.cardinal).map { "\(item.key)_\($0.rawValue)" }.joined(separator: ", "))"
                case .literal(let json): "key missing: the English source has the fixed value \(json) here"
                case .text: "key missing: the English source has it"
                }
                findings.append(CatalogFinding(.structure, language: language.code, namespace: namespace, key: item.key, message: message))
            }
            for item in items where sourceValues[item.key] == nil {
                findings.append(CatalogFinding(.structure, language: language.code, namespace: namespace, key: item.key, message: Self.strayKeyMessage(item.key, sourceValues)))
            }
            let order = items.map(\.key).filter { sourceValues[$0] != nil }
            let sourceOrder = source.items.map(\.key).filter { targetKeys.contains($0) }
            if order != sourceOrder {
                findings.append(CatalogFinding(.keyOrder, language: language.code, namespace: namespace, message: "keys are not in the English order"))
            }
        }
        for item in items {
            findings += check(language: language, namespace: namespace, key: item.key,
                              source: language == .english ? nil : sourceValues[item.key], target: item.value)
        }
        return findings
    }

    /// Plain keys `x_<category>` of a target whose English source has the plural group `x` are
    /// forms of that group (a file may hold a single form of it); they are checked as the group.
    static func regrouped(_ items: [CatalogItem], source: [String: CatalogValue]) -> [CatalogItem] {
        var result: [CatalogItem] = []
        var groupIndex: [String: Int] = [:]
        for item in items {
            guard case .text(let text) = item.value, source[item.key] == nil,
                  let (base, category) = CatalogNames.pluralSuffix(item.key), source[base]?.isPlural == true else {
                result.append(item)
                continue
            }
            if let index = groupIndex[base], case .plural(var forms) = result[index].value {
                forms.append(PluralForm(category, text))
                result[index].value = .plural(forms)
            } else if let index = result.firstIndex(where: { $0.key == base }), case .plural(var forms) = result[index].value {
                forms.append(PluralForm(category, text))
                result[index].value = .plural(forms)
                groupIndex[base] = index
            } else {
                groupIndex[base] = result.count
                result.append(CatalogItem(key: base, value: .plural([PluralForm(category, text)])))
            }
        }
        return result
    }

    /// Why a key of a target is not in the English source, as precisely as can be told.
    static func strayKeyMessage(_ key: String, _ source: [String: CatalogValue]) -> String {
        if let (base, category) = CatalogNames.pluralSuffix(key), source[base] != nil {
            return "`\(category.rawValue)` form of `\(base)`, which is a plain string in the English source"
        }
        if source.keys.contains(where: { $0.hasPrefix(key + ".") }) {
            return "a string where the English source has an object of keys (\(key).…)"
        }
        let segments = key.split(separator: ".")
        for length in stride(from: segments.count - 1, through: 1, by: -1) where source[segments.prefix(length).joined(separator: ".")] != nil {
            return "under `\(segments.prefix(length).joined(separator: "."))`, which is a string in the English source"
        }
        return "key not in the English source"
    }
}
