import Foundation
import Languages

/// Builds a ``ParleyConfiguration`` from defaults, a file, the environment and flags
/// (precedence: flags > environment > file > defaults), and checks every field.
///
/// Environment variables are named after the field's path: `server.maxBodySize` is
/// `PARLEY_SERVER_MAX_BODY_SIZE`; lists are comma separated. Backends come as one variable,
/// `PARLEY_BACKENDS=lt=libretranslate@http://127.0.0.1:5000,nllb=nllb-api@http://127.0.0.1:7860`,
/// which replaces the file's backend list (and so does `--backend` on the command line).
public struct ConfigurationLoader: Sendable {
    /// Fields that can be set from the environment and from `--set`-style flags.
    public static let scalarFields: [String] = [
        "server.host", "server.port", "server.maxBodySize", "server.shutdownGracePeriod", "server.drainDelay",
        "server.idleTimeout", "server.headerTimeout", "server.minimumBodyRate", "server.bodyRateWindow",
        "server.maxHeaderSize", "server.maxConnections",
        "server.cors.allowedOrigins", "server.cors.allowCredentials", "server.cors.maxAge",
        "dataDirectory", "store.url", "store.pollInterval", "store.jobLease", "catalogs", "glossaries", "studio",
        "routing.pivot",
        "cache.enabled", "cache.memoryEntries", "cache.ttl",
        "translation.requestTimeout", "translation.interactiveQueue", "translation.bulkQueue", "translation.backgroundQueue",
        "translation.probeInterval", "translation.breakerThreshold", "translation.breakerCooldown",
        "auth.anonymousScopes", "auth.publicMetrics", "auth.publicCatalogs",
        "auth.rateLimit.requestsPerSecond", "auth.rateLimit.burst",
        "auth.invalidKeyLimit.requestsPerSecond", "auth.invalidKeyLimit.burst",
        "limits.maxTexts", "limits.maxCharacters",
        "log.level", "log.format",
        "webhook.url", "webhook.secret", "webhook.maxAttempts", "webhook.pollInterval",
    ]

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The environment variable for a field path: `server.maxBodySize` → `PARLEY_SERVER_MAX_BODY_SIZE`.
    public static func environmentName(for field: String) -> String {
        var name = "PARLEY"
        for segment in field.split(separator: ".") {
            name += "_"
            for character in segment {
                if character.isUppercase { name += "_" }
                name += character.uppercased()
            }
        }
        return name
    }

    /// Loads and checks the configuration.
    /// - Parameters:
    ///   - file: a `.json`, `.yaml` or `.yml` file, or `nil` for `PARLEY_CONFIG` or none.
    ///   - flags: field path → value from the command line (e.g. `server.port` from `--port`).
    ///   - backendFlags: `--backend NAME=KIND@URL` values; when non-empty they replace the list.
    public func load(
        file: String? = nil,
        flags: [String: String] = [:],
        backendFlags: [String] = []
    ) throws(ConfigurationError) -> ParleyConfiguration {
        var origins: [String: String] = [:]
        var node = ConfigNode.map([])
        if let path = file ?? environment["PARLEY_CONFIG"], !path.isEmpty {
            node = try ConfigNode.parse(fileAt: path)
            for field in Self.scalarFields { origins[field] = path }
        }
        for field in Self.scalarFields {
            let name = Self.environmentName(for: field)
            if let value = environment[name] {
                node = node.setting(.string(value), at: field.split(separator: ".").map(String.init)[...])
                origins[field] = "environment \(name)"
            }
        }
        for (field, value) in flags.sorted(by: { $0.key < $1.key }) {
            guard Self.scalarFields.contains(field) else {
                throw ConfigurationError(field: field, reason: "not a configurable field", origin: "command line")
            }
            node = node.setting(.string(value), at: field.split(separator: ".").map(String.init)[...])
            origins[field] = "command line"
        }
        var configuration = try Self.decode(node, origins: origins)
        if !backendFlags.isEmpty {
            configuration.backends = try Self.parseBackendSpecs(backendFlags, origin: "command line --backend")
        } else if let list = environment["PARLEY_BACKENDS"], !list.isEmpty {
            let specs = list.split(separator: ",").map { String($0).trimmingWhitespace() }
            configuration.backends = try Self.parseBackendSpecs(specs, origin: "environment PARLEY_BACKENDS")
        }
        try Self.validateRouting(configuration)
        return configuration
    }

    /// Parses `NAME=KIND@URL` backend specifications.
    public static func parseBackendSpecs(_ specs: [String], origin: String) throws(ConfigurationError) -> [BackendSettings] {
        var backends: [BackendSettings] = []
        for (index, spec) in specs.enumerated() {
            let field = "backends[\(index)]"
            guard let equals = spec.firstIndex(of: "="), let at = spec[equals...].firstIndex(of: "@") else {
                throw ConfigurationError(field: field, reason: "'\(spec)' must look like NAME=KIND@URL, e.g. lt=libretranslate@http://127.0.0.1:5000", origin: origin)
            }
            let name = String(spec[..<equals])
            let kindText = String(spec[spec.index(after: equals)..<at])
            let url = String(spec[spec.index(after: at)...])
            guard let kind = BackendKind(rawValue: kindText) else {
                throw ConfigurationError(field: "\(field).kind", reason: "'\(kindText)' is not a backend kind; use one of \(BackendKind.allCases.map(\.rawValue).joined(separator: ", "))", origin: origin)
            }
            let backend = BackendSettings(name: name, kind: kind, url: url)
            try validate(backend, field: field, origin: origin)
            backends.append(backend)
        }
        try checkUniqueNames(backends, origin: origin)
        return backends
    }

    static func validate(_ backend: BackendSettings, field: String, origin: String?) throws(ConfigurationError) {
        let nameCharacters = backend.name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        guard !backend.name.isEmpty, backend.name.count <= 32, nameCharacters else {
            throw ConfigurationError(field: "\(field).name", reason: "'\(backend.name)' must be 1–32 letters, digits, '-' or '_'", origin: origin)
        }
        guard let url = URL(string: backend.url), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw ConfigurationError(field: "\(field).url", reason: "'\(backend.url)' is not an http(s) URL with a host", origin: origin)
        }
    }

    static func checkUniqueNames(_ backends: [BackendSettings], origin: String?) throws(ConfigurationError) {
        var seen: Set<String> = []
        for (index, backend) in backends.enumerated() where !seen.insert(backend.name).inserted {
            throw ConfigurationError(field: "backends[\(index)].name", reason: "'\(backend.name)' is used by another backend", origin: origin)
        }
    }

    static func validateRouting(_ configuration: ParleyConfiguration) throws(ConfigurationError) {
        let names = Set(configuration.backends.map(\.name))
        for (pattern, preferred) in configuration.routing.preferences.sorted(by: { $0.key < $1.key }) {
            let field = "routing.preferences.\(pattern)"
            let sides = pattern.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard sides.count == 2 else {
                throw ConfigurationError(field: field, reason: "a pair pattern is SOURCE-TARGET, e.g. en-es or *-ha")
            }
            for side in sides where side != "*" {
                guard Language(rawValue: side) != nil else {
                    throw ConfigurationError(field: field, reason: "'\(side)' is not a supported language code (\(Language.supportedCodes.joined(separator: ", ")))")
                }
            }
            for name in preferred where !names.contains(name) {
                throw ConfigurationError(field: field, reason: "backend '\(name)' is not configured")
            }
        }
        guard Language(rawValue: configuration.routing.pivot) != nil else {
            throw ConfigurationError(field: "routing.pivot", reason: "'\(configuration.routing.pivot)' is not a supported language code")
        }
    }
}
