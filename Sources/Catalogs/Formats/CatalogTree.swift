import Foundation
import Languages

/// Reads and writes an i18next tree: `<root>/<lang>/<namespace>.json`.
public enum CatalogTree {
    /// One file as read: its document, or why it could not be read.
    public struct File: Sendable {
        public var language: Language
        public var namespace: String
        public var bytes: [UInt8]
        public var document: Result<CatalogDocument, CatalogError>
    }

    /// Every catalog file under `root` (languages in registry order, namespaces by name).
    /// Directories that are not one of the eight language codes are refused, as are file names
    /// that are not valid namespaces; other files (README.md) are ignored.
    public static func files(at root: String, languages: [Language]? = nil) throws(CatalogError) -> [File] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .io("catalog directory \(root) does not exist")
        }
        let entries: [String]
        do { entries = try manager.contentsOfDirectory(atPath: root) } catch { throw .io("cannot list \(root): \(error.localizedDescription)") }
        var found: [Language] = []
        for name in entries.sorted() where !name.hasPrefix(".") {
            var entryIsDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: path(root, name), isDirectory: &entryIsDirectory)
            guard entryIsDirectory.boolValue else { continue }
            found.append(try CatalogNames.language(directory: name))
        }
        var files: [File] = []
        for language in Language.allCases where found.contains(language) && (languages?.contains(language) ?? true) {
            let directory = path(root, language.code)
            let names: [String]
            do { names = try manager.contentsOfDirectory(atPath: directory) } catch { throw .io("cannot list \(directory)") }
            for name in names.sorted() where name.hasSuffix(".json") {
                let namespace = String(name.dropLast(5))
                do {
                    try CatalogNames.validateNamespace(namespace)
                } catch {
                    throw .malformedFile(file: "\(language.code)/\(name)", keyPath: nil, reason: error.description)
                }
                guard let data = manager.contents(atPath: path(directory, name)) else { throw .io("cannot read \(directory)/\(name)") }
                let bytes = [UInt8](data)
                let document = Result { () throws(CatalogError) -> CatalogDocument in
                    try CatalogDocument(language: language, namespace: namespace, bytes: bytes)
                }
                files.append(File(language: language, namespace: namespace, bytes: bytes, document: document))
            }
        }
        return files
    }

    /// The documents under `root`; the first unreadable file throws, naming file and key path.
    public static func documents(at root: String, languages: [Language]? = nil) throws(CatalogError) -> [CatalogDocument] {
        var documents: [CatalogDocument] = []
        for file in try files(at: root, languages: languages) {
            documents.append(try file.document.get())
        }
        return documents
    }

    /// Writes `documents` under `root` (creating directories); returns the paths written.
    /// Each file is written atomically and only when its bytes changed.
    @discardableResult
    public static func write(_ documents: [CatalogDocument], to root: String) throws(CatalogError) -> [String] {
        var written: [String] = []
        for document in documents {
            let directory = path(root, document.language.code)
            let file = path(directory, "\(document.namespace).json")
            let bytes = document.serialized()
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                if let existing = FileManager.default.contents(atPath: file), [UInt8](existing) == bytes { continue }
                try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw .io("cannot write \(file): \(error.localizedDescription)")
            }
            written.append(file)
        }
        return written
    }

    static func path(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
