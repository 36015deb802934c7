import Languages

/// One i18next file (`Catalogs/<lang>/<ns>.json`) as an ordered list of keys, plural keys
/// grouped into one ``CatalogValue/plural(_:)`` item.
///
/// `key_<category>` (a CLDR category: zero one two few many other) belongs to the plural group
/// `key` when there is no plain `key` beside it and either `key_other` or a second
/// `key_<category>` is there — so a Russian group written `_one`/`_few`/`_many` without
/// `_other` is still one group (that lacks a form), not three stray keys. A lone
/// `key_<category>` is a plain key (`step_one` may be just a name).
public struct CatalogDocument: Sendable, Hashable {
    public var language: Language
    public var namespace: String
    public var items: [CatalogItem]

    public init(language: Language, namespace: String, items: [CatalogItem]) {
        self.language = language
        self.namespace = namespace
        self.items = items
    }

    /// The file name within the tree (`ar/rooms.json`).
    public var fileName: String { "\(language.code)/\(namespace).json" }

    /// Parses file bytes.
    public init(language: Language, namespace: String, bytes: [UInt8]) throws(CatalogError) {
        let fileName = "\(language.code)/\(namespace).json"
        try CatalogNames.validateNamespace(namespace)
        let members = try CatalogJSONParser.parse(bytes, fileName: fileName)
        self.init(language: language, namespace: namespace, items: try Self.items(from: members, prefix: [], fileName: fileName))
    }

    /// The file bytes, in the byte-stable format.
    public func serialized() -> [UInt8] {
        CatalogJSONWriter.file(Self.tree(from: items))
    }

    /// The value of `key`.
    public subscript(key: String) -> CatalogValue? {
        items.first { $0.key == key }?.value
    }

    static func items(from members: [(key: String, value: CatalogNode)], prefix: [String], fileName: String) throws(CatalogError) -> [CatalogItem] {
        var items: [CatalogItem] = []
        var stringKeys: Set<String> = []
        for member in members { if case .string = member.value { stringKeys.insert(member.key) } }
        var suffixed: [String: Int] = [:]
        for key in stringKeys {
            if let (base, _) = CatalogNames.pluralSuffix(key), !stringKeys.contains(base) { suffixed[base, default: 0] += 1 }
        }
        func isGroup(_ base: String) -> Bool {
            !stringKeys.contains(base) && (stringKeys.contains(base + "_other") || (suffixed[base] ?? 0) >= 2)
        }
        var groupIndex: [String: Int] = [:]
        for member in members {
            let path = prefix + [member.key]
            do {
                try CatalogNames.validateKeySegment(member.key)
            } catch {
                throw .malformedFile(file: fileName, keyPath: path.joined(separator: "."), reason: error.description)
            }
            switch member.value {
            case .object(let children):
                items += try Self.items(from: children, prefix: path, fileName: fileName)
            case .string(let text):
                if let (base, category) = CatalogNames.pluralSuffix(member.key), isGroup(base) {
                    let key = (prefix + [base]).joined(separator: ".")
                    if let index = groupIndex[key], case .plural(var forms) = items[index].value {
                        forms.append(PluralForm(category, text))
                        items[index].value = .plural(forms)
                    } else {
                        groupIndex[key] = items.count
                        items.append(CatalogItem(key: key, value: .plural([PluralForm(category, text)])))
                    }
                } else {
                    items.append(CatalogItem(key: path.joined(separator: "."), value: .text(text)))
                }
            case .literal(let json):
                items.append(CatalogItem(key: path.joined(separator: "."), value: .literal(json)))
            }
        }
        return items
    }

    /// Nested objects from dotted keys, in item order; plural groups expand to `key_<category>`.
    static func tree(from items: [CatalogItem]) -> [(key: String, value: CatalogNode)] {
        let root = TreeBuilder()
        for item in items {
            let segments = item.key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard let leaf = segments.last else { continue }
            let parent = root.descend(segments.dropLast())
            switch item.value {
            case .text(let text): parent.set(leaf, .string(text))
            case .plural(let forms): for form in forms { parent.set("\(leaf)_\(form.category.rawValue)", .string(form.text)) }
            case .literal(let json): parent.set(leaf, .literal(json))
            }
        }
        return root.members()
    }
}

/// An ordered object under construction (a class so children can be filled in place).
private final class TreeBuilder {
    private var order: [String] = []
    private var leaves: [String: CatalogNode] = [:]
    private var children: [String: TreeBuilder] = [:]

    func descend<S: Sequence>(_ path: S) -> TreeBuilder where S.Element == String {
        var node = self
        for segment in path {
            if let child = node.children[segment] {
                node = child
            } else {
                let child = TreeBuilder()
                if node.leaves[segment] == nil { node.order.append(segment) }
                node.children[segment] = child
                node = child
            }
        }
        return node
    }

    func set(_ key: String, _ value: CatalogNode) {
        if leaves[key] == nil && children[key] == nil { order.append(key) }
        leaves[key] = value
    }

    func members() -> [(key: String, value: CatalogNode)] {
        order.compactMap { key in
            if let child = children[key] { return (key, .object(child.members())) }
            if let leaf = leaves[key] { return (key, leaf) }
            return nil
        }
    }
}
