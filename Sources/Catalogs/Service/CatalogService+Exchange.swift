import Foundation
import Languages
import Storage

extension CatalogService {
    /// Writes XLIFF or PO files, one per target language (`<directory>/<lang>.xlf|po`); returns
    /// the paths. For `.i18next` it writes the tree (see ``exportTree(to:languages:markSynced:)``).
    @discardableResult
    public func exportExchange(_ format: CatalogExchangeFormat, to directory: String, languages: [Language]? = nil) async throws -> [String] {
        if format == .i18next { return try await exportTree(to: directory, languages: languages) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CatalogError.io("cannot create \(directory): \(error.localizedDescription)")
        }
        var written: [String] = []
        for language in Language.allCases where language != .english && (languages?.contains(language) ?? true) {
            let namespaces = try await units(language: language)
            let text = format == .xliff
                ? XLIFFWriter.document(language: language, namespaces: namespaces, glossary: glossary)
                : POWriter.document(language: language, namespaces: namespaces, glossary: glossary)
            let path = CatalogTree.path(directory, "\(language.code).\(format.fileExtension)")
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CatalogError.io("cannot write \(path): \(error.localizedDescription)")
            }
            written.append(path)
        }
        return written
    }

    /// Reads XLIFF or PO files (a file, or every `*.xlf`/`*.po` in a directory) and merges them
    /// in one transaction: target values with their states; English sources only for keys the
    /// store does not have. Nothing is written when any file is malformed.
    public func importExchange(_ format: CatalogExchangeFormat, from path: String, author: String = "import") async throws -> CatalogImportReport {
        if format == .i18next { return try await importTree(from: path, author: author) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CatalogError.io("\(path) does not exist") }
        var files: [String] = [path]
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.hasSuffix(".\(format.fileExtension)") }.sorted().map { CatalogTree.path(path, $0) }
        }
        guard !files.isEmpty else { throw CatalogError.io("no .\(format.fileExtension) files in \(path)") }
        var englishOrder: [String] = []
        var english: [String: [CatalogItem]] = [:]
        var englishKeys: [String: Set<String>] = [:]
        var targets: [CatalogDocument] = []
        var states: [CatalogEntryID: CatalogEntryState] = [:]
        for file in files {
            let name = (file as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: file) else { throw CatalogError.io("cannot read \(file)") }
            let result: XLIFFReader.Result
            if format == .xliff {
                result = try XLIFFReader.read(data, fileName: name)
            } else {
                guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
                    throw CatalogError.malformedFile(file: name, keyPath: nil, reason: "not valid UTF-8")
                }
                result = try POReader.read(text, fileName: name)
            }
            for document in result.english {
                if english[document.namespace] == nil { englishOrder.append(document.namespace) }
                for item in document.items where englishKeys[document.namespace, default: []].insert(item.key).inserted {
                    english[document.namespace, default: []].append(item)
                }
            }
            targets += result.target
            states.merge(result.states) { _, new in new }
        }
        let documents = englishOrder.map { CatalogDocument(language: .english, namespace: $0, items: english[$0] ?? []) } + targets
        return try await importDocuments(documents, states: states, mode: .exchange, author: author)
    }
}
