import Catalogs
import Foundation
import Glossary
import Languages
import Storage

/// The real catalogs and glossary of the repository, and scratch stores and trees.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Symlinks resolved, so that a copy is a real copy and never writes through to the repository.
    static let catalogs = repositoryRoot.appendingPathComponent("Catalogs").resolvingSymlinksInPath().path
    static let glossaries = repositoryRoot.appendingPathComponent("Glossaries").resolvingSymlinksInPath().path

    static let glossary: Glossary? = try? Glossary.load(directory: glossaries)

    static func temporaryDirectory(_ label: String = "catalogs") -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(label)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func store() throws -> SQLiteStore {
        try SQLiteStore(directory: temporaryDirectory("store"))
    }

    static func service(glossary: Glossary? = Fixtures.glossary) throws -> (CatalogService, SQLiteStore) {
        let store = try store()
        return (CatalogService(store: store, glossary: glossary), store)
    }

    /// A copy of the real tree to modify.
    static func copyOfCatalogs() throws -> String {
        let target = (temporaryDirectory("tree") as NSString).appendingPathComponent("Catalogs")
        try FileManager.default.copyItem(atPath: catalogs, toPath: target)
        var isLink = false
        if let type = try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType { isLink = type == .typeSymbolicLink }
        precondition(!isLink, "the copy of Catalogs/ must not be a symlink to the repository")
        return target
    }

    /// Every file of a tree, relative path → bytes.
    static func files(_ root: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for language in Language.allCases {
            let directory = (root as NSString).appendingPathComponent(language.code)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".json") {
                if let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) {
                    files["\(language.code)/\(name)"] = [UInt8](data)
                }
            }
        }
        return files
    }

    /// Writes `text` to `<root>/<relative>`.
    static func write(_ text: String, to root: String, _ relative: String) throws {
        let path = (root as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Replaces the value at a key path in `<root>/<lang>/<ns>.json`, keeping the format.
    static func edit(_ root: String, _ language: Language, _ namespace: String, _ change: (inout CatalogDocument) -> Void) throws {
        let path = (root as NSString).appendingPathComponent("\(language.code)/\(namespace).json")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var document = try CatalogDocument(language: language, namespace: namespace, bytes: [UInt8](data))
        change(&document)
        try Data(document.serialized()).write(to: URL(fileURLWithPath: path))
    }
}

extension CatalogDocument {
    /// Sets (or appends) a key's value.
    mutating func set(_ key: String, _ value: CatalogValue) {
        if let index = items.firstIndex(where: { $0.key == key }) { items[index].value = value } else { items.append(CatalogItem(key: key, value: value)) }
    }

    mutating func remove(_ key: String) {
        items.removeAll { $0.key == key }
    }
}
