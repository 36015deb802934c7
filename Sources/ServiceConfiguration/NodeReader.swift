/// Reads typed values out of a ``ConfigNode`` map, naming the dotted path of every field in
/// its errors, and refusing fields it does not know (a typo must not be silently ignored).
struct NodeReader {
    let node: ConfigNode
    let path: String
    let origins: [String: String]

    init(_ node: ConfigNode, path: String = "", origins: [String: String]) {
        self.node = node
        self.path = path
        self.origins = origins
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ reason: String) -> ConfigurationError {
        let field = fieldPath(key)
        return ConfigurationError(field: field, reason: reason, origin: origins[field])
    }

    /// Refuses keys outside `known`.
    func requireKnownKeys(_ known: Set<String>) throws(ConfigurationError) {
        switch node {
        case .map(let entries):
            for (key, _) in entries where !known.contains(key) {
                let list = known.sorted().joined(separator: ", ")
                throw error(key, "unknown field; known fields here: \(list)")
            }
        case .null:
            return
        default:
            throw ConfigurationError(field: path.isEmpty ? "(top level)" : path, reason: "must be a map of fields", origin: origins[path])
        }
    }

    func value(_ key: String) -> ConfigNode? {
        guard let value = node[key], value != .null else { return nil }
        return value
    }

    func child(_ key: String) throws(ConfigurationError) -> NodeReader {
        let child = value(key) ?? .map([])
        guard case .map = child else { throw error(key, "must be a map of fields") }
        return NodeReader(child, path: fieldPath(key), origins: origins)
    }

    func string(_ key: String, default fallback: String) throws(ConfigurationError) -> String {
        try optionalString(key) ?? fallback
    }

    func optionalString(_ key: String) throws(ConfigurationError) -> String? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() ? String(Int(number)) : String(number)
        case .bool(let bool): return String(bool)
        default: throw error(key, "must be a string")
        }
    }

    func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let value = value(key) else { return fallback }
        let number: Int?
        switch value {
        case .number(let double): number = double == double.rounded() && abs(double) < 1e15 ? Int(double) : nil
        case .string(let text): number = Int(text.trimmingWhitespace())
        default: number = nil
        }
        guard let number else { throw error(key, "must be a whole number") }
        guard range.contains(number) else {
            throw error(key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    func double(_ key: String, default fallback: Double, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        guard let value = value(key) else { return fallback }
        let number: Double?
        switch value {
        case .number(let double): number = double
        case .string(let text): number = Double(text.trimmingWhitespace())
        default: number = nil
        }
        guard let number, number.isFinite else { throw error(key, "must be a number") }
        guard range.contains(number) else { throw error(key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)") }
        return number
    }

    func bool(_ key: String, default fallback: Bool) throws(ConfigurationError) -> Bool {
        guard let value = value(key) else { return fallback }
        switch value {
        case .bool(let bool): return bool
        case .string(let text):
            switch text.trimmingWhitespace().lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: break
            }
        default: break
        }
        throw error(key, "must be true or false")
    }

    /// A duration: a number of seconds, or text like `500ms`, `10s`, `5m`, `12h`, `30d`.
    func duration(_ key: String, default fallback: Duration) throws(ConfigurationError) -> Duration {
        guard let value = value(key) else { return fallback }
        switch value {
        case .number(let seconds) where seconds >= 0 && seconds.isFinite:
            return .milliseconds(Int64((seconds * 1000).rounded()))
        case .string(let text):
            if let duration = DurationText.parse(text) { return duration }
        default: break
        }
        throw error(key, "must be a duration such as 500ms, 10s, 5m, 12h or 30d")
    }

    /// A list of strings: a real list, or (from the environment) text separated by commas or spaces.
    func stringList(_ key: String, default fallback: [String]) throws(ConfigurationError) -> [String] {
        guard let value = value(key) else { return fallback }
        switch value {
        case .list(let items):
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw error(key, "must be a list of strings") }
                strings.append(text)
            }
            return strings
        case .string(let text):
            return text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        default:
            throw error(key, "must be a list of strings")
        }
    }

    func list(_ key: String) throws(ConfigurationError) -> [NodeReader]? {
        guard let value = value(key) else { return nil }
        guard case .list(let items) = value else { throw error(key, "must be a list") }
        return items.enumerated().map { NodeReader($1, path: "\(fieldPath(key))[\($0)]", origins: origins) }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
