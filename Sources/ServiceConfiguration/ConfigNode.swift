import Foundation
import Yams

/// A configuration value before it is checked: the common shape of a JSON file, a YAML file,
/// environment variables and command-line flags, so that all four layers merge the same way.
public indirect enum ConfigNode: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([ConfigNode])
    case map([(String, ConfigNode)])
    case null

    public static func == (lhs: ConfigNode, rhs: ConfigNode) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        case (.null, .null): true
        default: false
        }
    }

    /// The value under `key` of a map, or `nil`.
    public subscript(key: String) -> ConfigNode? {
        guard case .map(let entries) = self else { return nil }
        return entries.last(where: { $0.0 == key })?.1
    }

    /// Returns a copy with `value` set at `path` (creating maps on the way).
    public func setting(_ value: ConfigNode, at path: ArraySlice<String>) -> ConfigNode {
        guard let head = path.first else { return value }
        var entries: [(String, ConfigNode)] = []
        if case .map(let existing) = self { entries = existing }
        let child = entries.last(where: { $0.0 == head })?.1 ?? .map([])
        let updated = child.setting(value, at: path.dropFirst())
        if let index = entries.lastIndex(where: { $0.0 == head }) {
            entries[index].1 = updated
        } else {
            entries.append((head, updated))
        }
        return .map(entries)
    }
}

extension ConfigNode {
    /// Parses a configuration file: YAML for `.yaml`/`.yml`, JSON for `.json` (chosen by extension).
    public static func parse(fileAt path: String) throws(ConfigurationError) -> ConfigNode {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigurationError(field: "(file)", reason: "cannot read \(path): \(error.localizedDescription)")
        }
        switch url.pathExtension.lowercased() {
        case "json":
            return try parseJSON(data, origin: path)
        case "yaml", "yml":
            return try parseYAML(data, origin: path)
        default:
            throw ConfigurationError(field: "(file)", reason: "unknown configuration file type '.\(url.pathExtension)'; use .json, .yaml or .yml", origin: path)
        }
    }

    static func parseJSON(_ data: Data, origin: String) throws(ConfigurationError) -> ConfigNode {
        let node: ConfigNode
        do {
            node = try JSONDecoder().decode(ConfigNode.self, from: data)
        } catch {
            throw ConfigurationError(field: "(file)", reason: "not valid JSON: \(error)", origin: origin)
        }
        guard case .map = node else {
            throw ConfigurationError(field: "(file)", reason: "the top level must be an object", origin: origin)
        }
        return node
    }

    static func parseYAML(_ data: Data, origin: String) throws(ConfigurationError) -> ConfigNode {
        let text = String(decoding: data, as: UTF8.self)
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(field: "(file)", reason: "not valid YAML: \(error)", origin: origin)
        }
        guard let node else { return .map([]) }
        guard case .mapping = node else {
            throw ConfigurationError(field: "(file)", reason: "the top level must be a mapping", origin: origin)
        }
        return fromYAML(node)
    }

    private static func fromYAML(_ node: Yams.Node) -> ConfigNode {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty { return .null }
                if let bool = Bool.construct(from: scalar) { return .bool(bool) }
                if let integer = Int.construct(from: scalar) { return .number(Double(integer)) }
                if let double = Double.construct(from: scalar) { return .number(double) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(fromYAML))
        case .mapping(let mapping):
            return .map(mapping.map { (key, value) in (key.string ?? "\(key)", fromYAML(value)) })
        case .alias:
            return .null
        }
    }
}

extension ConfigNode: Decodable {
    /// Decodes any JSON value. Object keys come back sorted (JSON objects carry no order
    /// that Foundation keeps).
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() { self = .null; return }
            if let bool = try? container.decode(Bool.self) { self = .bool(bool); return }
            if let number = try? container.decode(Double.self) { self = .number(number); return }
            if let text = try? container.decode(String.self) { self = .string(text); return }
            if let list = try? container.decode([ConfigNode].self) { self = .list(list); return }
            if let map = try? container.decode([String: ConfigNode].self) {
                self = .map(map.keys.sorted().compactMap { key in map[key].map { (key, $0) } })
                return
            }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unsupported value"))
    }
}
