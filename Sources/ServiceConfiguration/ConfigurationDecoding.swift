import Foundation

/// Turns a merged ``ConfigNode`` into a checked ``ParleyConfiguration``.
extension ConfigurationLoader {
    static func decode(_ node: ConfigNode, origins: [String: String]) throws(ConfigurationError) -> ParleyConfiguration {
        let root = NodeReader(node, origins: origins)
        try root.requireKnownKeys([
            "server", "dataDirectory", "store", "catalogs", "glossaries", "studio", "backends", "routing", "cache", "translation", "auth", "limits", "log", "webhook",
        ])
        var configuration = ParleyConfiguration()
        configuration.server = try decodeServer(root.child("server"))
        configuration.dataDirectory = try nonEmptyPath(root, "dataDirectory", configuration.dataDirectory)
        configuration.store = try decodeStore(root.child("store"))
        configuration.catalogsDirectory = try nonEmptyPath(root, "catalogs", configuration.catalogsDirectory)
        configuration.glossariesDirectory = try nonEmptyPath(root, "glossaries", configuration.glossariesDirectory)
        let studio = try root.string("studio", default: "")
        configuration.studioDirectory = studio.isEmpty ? nil : studio
        if let backends = try root.list("backends") {
            configuration.backends = try backends.map { reader throws(ConfigurationError) in try decodeBackend(reader) }
            try checkUniqueNames(configuration.backends, origin: nil)
        }
        configuration.routing = try decodeRouting(root.child("routing"))
        configuration.cache = try decodeCache(root.child("cache"))
        configuration.translation = try decodeTranslation(root.child("translation"))
        configuration.auth = try decodeAuth(root.child("auth"))
        configuration.limits = try decodeLimits(root.child("limits"))
        configuration.log = try decodeLog(root.child("log"))
        configuration.webhook = try decodeWebhook(root.child("webhook"))
        return configuration
    }

    private static func nonEmptyPath(_ reader: NodeReader, _ key: String, _ fallback: String) throws(ConfigurationError) -> String {
        let value = try reader.string(key, default: fallback)
        guard !value.trimmingWhitespace().isEmpty else { throw reader.error(key, "must not be empty") }
        return value
    }

    private static func decodeServer(_ reader: NodeReader) throws(ConfigurationError) -> ServerSettings {
        try reader.requireKnownKeys([
            "host", "port", "maxBodySize", "shutdownGracePeriod", "drainDelay", "idleTimeout", "headerTimeout",
            "minimumBodyRate", "bodyRateWindow", "maxHeaderSize", "maxConnections", "cors",
        ])
        var server = ServerSettings()
        server.host = try reader.string("host", default: server.host)
        guard !server.host.isEmpty, !server.host.contains(where: { $0 == " " || $0 == "/" }) else {
            throw reader.error("host", "'\(server.host)' is not a host name or address")
        }
        server.port = try reader.int("port", default: server.port, in: 0...65_535)
        server.maxBodySize = try reader.int("maxBodySize", default: server.maxBodySize, in: 1_024...1_073_741_824)
        server.shutdownGracePeriod = try reader.duration("shutdownGracePeriod", default: server.shutdownGracePeriod)
        server.drainDelay = try reader.duration("drainDelay", default: server.drainDelay)
        if server.drainDelay >= server.shutdownGracePeriod, server.drainDelay > .zero {
            throw reader.error("drainDelay", "must be shorter than shutdownGracePeriod (\(server.shutdownGracePeriod)), which it is part of")
        }
        server.idleTimeout = try reader.duration("idleTimeout", default: server.idleTimeout)
        server.headerTimeout = try reader.duration("headerTimeout", default: server.headerTimeout)
        server.minimumBodyRate = try reader.int("minimumBodyRate", default: server.minimumBodyRate, in: 1...1_073_741_824)
        server.bodyRateWindow = try reader.duration("bodyRateWindow", default: server.bodyRateWindow)
        server.maxHeaderSize = try reader.int("maxHeaderSize", default: server.maxHeaderSize, in: 1_024...1_048_576)
        server.maxConnections = try reader.int("maxConnections", default: server.maxConnections, in: 1...1_000_000)
        for (key, value) in [("idleTimeout", server.idleTimeout), ("headerTimeout", server.headerTimeout), ("bodyRateWindow", server.bodyRateWindow)]
        where value <= .zero {
            throw reader.error(key, "must be longer than zero")
        }
        let cors = try reader.child("cors")
        try cors.requireKnownKeys(["allowedOrigins", "allowCredentials", "maxAge"])
        server.cors.allowedOrigins = try cors.stringList("allowedOrigins", default: server.cors.allowedOrigins)
        server.cors.allowCredentials = try cors.bool("allowCredentials", default: server.cors.allowCredentials)
        server.cors.maxAge = try cors.duration("maxAge", default: server.cors.maxAge)
        if server.cors.allowCredentials && server.cors.allowedOrigins.contains("*") {
            throw cors.error("allowCredentials", "credentials are never allowed with the origin '*'; list the allowed origins")
        }
        for origin in server.cors.allowedOrigins where origin != "*" {
            guard origin.hasPrefix("http://") || origin.hasPrefix("https://"), !origin.hasSuffix("/") else {
                throw cors.error("allowedOrigins", "'\(origin)' is not an origin like https://chat.example.org (scheme and host, no path)")
            }
        }
        return server
    }

    private static func decodeBackend(_ reader: NodeReader) throws(ConfigurationError) -> BackendSettings {
        try reader.requireKnownKeys(["name", "kind", "url", "apiKey", "timeout", "maxConcurrency", "maxBatchSize", "model"])
        guard let name = try reader.optionalString("name") else { throw reader.error("name", "is required") }
        guard let kindText = try reader.optionalString("kind") else { throw reader.error("kind", "is required") }
        guard let kind = BackendKind(rawValue: kindText) else {
            throw reader.error("kind", "'\(kindText)' is not a backend kind; use one of \(BackendKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let url = try reader.optionalString("url") else { throw reader.error("url", "is required") }
        var backend = BackendSettings(name: name, kind: kind, url: url)
        backend.apiKey = try reader.optionalString("apiKey")
        backend.timeout = try reader.duration("timeout", default: backend.timeout)
        guard backend.timeout > .zero else { throw reader.error("timeout", "must be longer than zero") }
        backend.maxConcurrency = try reader.int("maxConcurrency", default: backend.maxConcurrency, in: 1...1_024)
        backend.maxBatchSize = try reader.int("maxBatchSize", default: backend.maxBatchSize, in: 1...1_024)
        backend.model = try reader.optionalString("model")
        try validate(backend, field: reader.path, origin: nil)
        return backend
    }

    private static func decodeRouting(_ reader: NodeReader) throws(ConfigurationError) -> RoutingSettings {
        try reader.requireKnownKeys(["preferences", "pivot"])
        var routing = RoutingSettings()
        routing.pivot = try reader.string("pivot", default: routing.pivot)
        let preferences = try reader.child("preferences")
        if case .map(let entries) = preferences.node {
            for (pattern, _) in entries {
                routing.preferences[pattern] = try preferences.stringList(pattern, default: [])
            }
        }
        return routing
    }

    private static func decodeCache(_ reader: NodeReader) throws(ConfigurationError) -> CacheSettings {
        try reader.requireKnownKeys(["enabled", "memoryEntries", "ttl"])
        var cache = CacheSettings()
        cache.enabled = try reader.bool("enabled", default: cache.enabled)
        cache.memoryEntries = try reader.int("memoryEntries", default: cache.memoryEntries, in: 0...10_000_000)
        cache.ttl = try reader.duration("ttl", default: cache.ttl)
        return cache
    }

    private static func decodeTranslation(_ reader: NodeReader) throws(ConfigurationError) -> TranslationSettings {
        try reader.requireKnownKeys([
            "requestTimeout", "interactiveQueue", "bulkQueue", "backgroundQueue", "probeInterval", "breakerThreshold", "breakerCooldown",
        ])
        var translation = TranslationSettings()
        translation.requestTimeout = try reader.duration("requestTimeout", default: translation.requestTimeout)
        guard translation.requestTimeout > .zero else { throw reader.error("requestTimeout", "must be longer than zero") }
        translation.interactiveQueue = try reader.int("interactiveQueue", default: translation.interactiveQueue, in: 1...10_000_000)
        translation.bulkQueue = try reader.int("bulkQueue", default: translation.bulkQueue, in: 1...10_000_000)
        translation.backgroundQueue = try reader.int("backgroundQueue", default: translation.backgroundQueue, in: 1...10_000_000)
        translation.probeInterval = try reader.duration("probeInterval", default: translation.probeInterval)
        guard translation.probeInterval >= .milliseconds(100) else { throw reader.error("probeInterval", "must be at least 100ms") }
        translation.breakerThreshold = try reader.int("breakerThreshold", default: translation.breakerThreshold, in: 1...1_000)
        translation.breakerCooldown = try reader.duration("breakerCooldown", default: translation.breakerCooldown)
        return translation
    }

    private static func decodeAuth(_ reader: NodeReader) throws(ConfigurationError) -> AuthSettings {
        try reader.requireKnownKeys(["anonymousScopes", "publicMetrics", "publicCatalogs", "rateLimit", "invalidKeyLimit"])
        var auth = AuthSettings()
        if reader.value("anonymousScopes") != nil {
            auth.anonymousScopes = try reader.stringList("anonymousScopes", default: [])
        }
        auth.publicMetrics = try reader.bool("publicMetrics", default: auth.publicMetrics)
        auth.publicCatalogs = try reader.bool("publicCatalogs", default: auth.publicCatalogs)
        auth.rateLimit = try decodeRateLimit(reader.child("rateLimit"), auth.rateLimit)
        auth.invalidKeyLimit = try decodeRateLimit(reader.child("invalidKeyLimit"), auth.invalidKeyLimit)
        return auth
    }

    private static func decodeRateLimit(_ rate: NodeReader, _ defaults: RateLimitSettings) throws(ConfigurationError) -> RateLimitSettings {
        try rate.requireKnownKeys(["requestsPerSecond", "burst"])
        var limit = defaults
        limit.requestsPerSecond = try rate.double("requestsPerSecond", default: defaults.requestsPerSecond, in: 0...1_000_000)
        limit.burst = try rate.int("burst", default: defaults.burst, in: 0...10_000_000)
        if limit.requestsPerSecond > 0 && limit.burst < 1 {
            throw rate.error("burst", "must be at least 1 when requestsPerSecond is above 0")
        }
        return limit
    }

    private static func decodeLimits(_ reader: NodeReader) throws(ConfigurationError) -> RequestLimits {
        try reader.requireKnownKeys(["maxTexts", "maxCharacters"])
        var limits = RequestLimits()
        limits.maxTexts = try reader.int("maxTexts", default: limits.maxTexts, in: 1...100_000)
        limits.maxCharacters = try reader.int("maxCharacters", default: limits.maxCharacters, in: 1...10_000_000)
        return limits
    }

    /// Checks the store URL's scheme here, so the message names the field and where it was set;
    /// the rest of the URL (host, parameters) is checked when the store opens it.
    private static func decodeStore(_ reader: NodeReader) throws(ConfigurationError) -> StoreSettings {
        try reader.requireKnownKeys(["url", "pollInterval", "jobLease"])
        var store = StoreSettings()
        store.url = try reader.optionalString("url").flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() }
        if let url = store.url, !["sqlite:", "postgres://", "postgresql://"].contains(where: url.hasPrefix) {
            let shown = url.contains("@") ? "the value" : "'\(url)'" // a mistyped URL may still hold a password
            throw reader.error("url", "\(shown) is not a store URL: use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        store.pollInterval = try reader.duration("pollInterval", default: store.pollInterval)
        guard store.pollInterval >= .milliseconds(50) else { throw reader.error("pollInterval", "must be at least 50ms") }
        store.jobLease = try reader.duration("jobLease", default: store.jobLease)
        guard store.jobLease >= .seconds(1) else { throw reader.error("jobLease", "must be at least 1s") }
        return store
    }

    private static func decodeWebhook(_ reader: NodeReader) throws(ConfigurationError) -> WebhookConfiguration {
        try reader.requireKnownKeys(["url", "secret", "maxAttempts", "pollInterval"])
        var webhook = WebhookConfiguration()
        webhook.url = try reader.optionalString("url").flatMap { $0.isEmpty ? nil : $0 }
        webhook.secret = try reader.string("secret", default: "")
        webhook.maxAttempts = try reader.int("maxAttempts", default: webhook.maxAttempts, in: 1...100)
        webhook.pollInterval = try reader.duration("pollInterval", default: webhook.pollInterval)
        guard webhook.pollInterval >= .milliseconds(100) else { throw reader.error("pollInterval", "must be at least 100ms") }
        if let url = webhook.url {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https", parsed.host != nil else {
                throw reader.error("url", "'\(url)' is not an http(s) URL")
            }
            guard webhook.secret.count >= 16 else { throw reader.error("secret", "a webhook needs a secret of at least 16 characters to sign its deliveries") }
        }
        return webhook
    }

    private static func decodeLog(_ reader: NodeReader) throws(ConfigurationError) -> LogSettings {
        try reader.requireKnownKeys(["level", "format"])
        var log = LogSettings()
        log.level = try reader.string("level", default: log.level).lowercased()
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(log.level) else {
            throw reader.error("level", "'\(log.level)' is not one of \(levels.joined(separator: ", "))")
        }
        log.format = try reader.string("format", default: log.format).lowercased()
        guard ["text", "json"].contains(log.format) else { throw reader.error("format", "'\(log.format)' must be text or json") }
        return log
    }
}
