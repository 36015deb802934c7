import Foundation
import Testing
@testable import ServiceConfiguration

@Suite("Configuration: defaults, file, environment, flags")
struct ConfigurationLoaderTests {
    func write(_ text: String, extension ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-config-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsRunOnALaptop() throws {
        let configuration = try ConfigurationLoader(environment: [:]).load()
        #expect(configuration.server.host == "127.0.0.1")
        #expect(configuration.server.port == 8080)
        #expect(configuration.dataDirectory == "./data")
        #expect(configuration.catalogsDirectory == "./Catalogs")
        #expect(configuration.glossariesDirectory == "./Glossaries")
        #expect(configuration.backends.isEmpty)
        #expect(configuration.auth.effectiveAnonymousScopes(for: configuration.server) == ["translate", "detect", "catalog:read"])
        var exposed = configuration.server
        exposed.host = "0.0.0.0"
        #expect(configuration.auth.effectiveAnonymousScopes(for: exposed).isEmpty)
    }

    @Test func yamlFile() throws {
        let path = try write("""
            server:
              port: 9090
              maxBodySize: 65536
              cors:
                allowedOrigins: [https://chat.example.org]
                allowCredentials: true
            dataDirectory: /tmp/parley-data
            backends:
              - name: lt
                kind: libretranslate
                url: http://127.0.0.1:5000
                apiKey: secret
                timeout: 2500ms
                maxBatchSize: 32
              - name: nllb
                kind: nllb-api
                url: http://127.0.0.1:7860
            routing:
              preferences:
                en-es: [lt, nllb]
                "*-ha": [nllb]
            cache:
              ttl: 12h
            auth:
              anonymousScopes: [detect]
              rateLimit: { requestsPerSecond: 5, burst: 10 }
            log: { level: debug, format: json }
            """, extension: "yaml")
        let configuration = try ConfigurationLoader(environment: [:]).load(file: path)
        #expect(configuration.server.port == 9090)
        #expect(configuration.server.maxBodySize == 65536)
        #expect(configuration.server.cors.allowedOrigins == ["https://chat.example.org"])
        #expect(configuration.server.cors.allowCredentials)
        #expect(configuration.dataDirectory == "/tmp/parley-data")
        #expect(configuration.backends.map(\.name) == ["lt", "nllb"])
        #expect(configuration.backends[0].timeout == .milliseconds(2500))
        #expect(configuration.backends[0].maxBatchSize == 32)
        #expect(configuration.backends[0].apiKey == "secret")
        #expect(configuration.backends[1].kind == .nllbAPI)
        #expect(configuration.backends[1].modelIdentity == "nllb-api@http://127.0.0.1:7860")
        #expect(configuration.routing.preferences["*-ha"] == ["nllb"])
        #expect(configuration.cache.ttl == .seconds(43200))
        #expect(configuration.auth.anonymousScopes == ["detect"])
        #expect(configuration.auth.rateLimit.requestsPerSecond == 5)
        #expect(configuration.log.format == "json")
    }

    /// The README's "Running several instances" example is what operators copy: it must load.
    @Test func theReadmesSeveralInstancesExampleLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "# /etc/parley/parley.yaml"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let path = try write(String(readme[start.lowerBound..<end.lowerBound]), extension: "yaml")
        let configuration = try ConfigurationLoader(environment: [:]).load(file: path)
        #expect(configuration.store.url?.hasPrefix("postgres://parley:SECRET@db.internal:5432/parley?sslmode=require") == true)
        #expect(configuration.store.jobLease == .seconds(30))
        #expect(configuration.backends.map(\.name) == ["nllb", "lt"])
        #expect(configuration.webhook.url != nil)
        #expect(configuration.auth.anonymousScopes == [])
    }

    @Test func jsonFile() throws {
        let path = try write(#"{"server": {"port": 7000}, "cache": {"enabled": false}}"#, extension: "json")
        let configuration = try ConfigurationLoader(environment: [:]).load(file: path)
        #expect(configuration.server.port == 7000)
        #expect(!configuration.cache.enabled)
    }

    @Test("precedence: flags > environment > file > defaults")
    func precedence() throws {
        let path = try write(#"{"server": {"port": 7000, "host": "127.0.0.2"}, "dataDirectory": "/from/file"}"#, extension: "json")
        let environment = ["PARLEY_SERVER_PORT": "7100", "PARLEY_DATA_DIRECTORY": "/from/env"]
        let loader = ConfigurationLoader(environment: environment)
        let fromEnvironment = try loader.load(file: path)
        #expect(fromEnvironment.server.port == 7100)
        #expect(fromEnvironment.server.host == "127.0.0.2")
        #expect(fromEnvironment.dataDirectory == "/from/env")
        let fromFlags = try loader.load(file: path, flags: ["server.port": "7200"])
        #expect(fromFlags.server.port == 7200)
        #expect(fromFlags.dataDirectory == "/from/env")
    }

    @Test func environmentNames() {
        #expect(ConfigurationLoader.environmentName(for: "server.maxBodySize") == "PARLEY_SERVER_MAX_BODY_SIZE")
        #expect(ConfigurationLoader.environmentName(for: "auth.rateLimit.requestsPerSecond") == "PARLEY_AUTH_RATE_LIMIT_REQUESTS_PER_SECOND")
        #expect(ConfigurationLoader.environmentName(for: "dataDirectory") == "PARLEY_DATA_DIRECTORY")
    }

    @Test func backendsFromEnvironmentAndFlagsReplaceTheFileList() throws {
        let path = try write(#"{"backends": [{"name": "old", "kind": "nllb-serve", "url": "http://127.0.0.1:6060"}]}"#, extension: "json")
        let loader = ConfigurationLoader(environment: ["PARLEY_BACKENDS": "lt=libretranslate@http://127.0.0.1:5000, nllb=nllb-api@http://127.0.0.1:7860"])
        let fromEnvironment = try loader.load(file: path)
        #expect(fromEnvironment.backends.map(\.name) == ["lt", "nllb"])
        let fromFlags = try loader.load(file: path, backendFlags: ["serve=nllb-serve@http://127.0.0.1:6060"])
        #expect(fromFlags.backends.map(\.name) == ["serve"])
        #expect(fromFlags.backends[0].kind == .nllbServe)
    }

    /// Each bad configuration stops start-up with a message naming the field and why.
    @Test("configuration errors name the field and the reason", arguments: [
        (#"{"server": {"port": 70000}}"#, "server.port", "out of range"),
        (#"{"server": {"port": "eighty"}}"#, "server.port", "whole number"),
        (#"{"server": {"prot": 80}}"#, "server.prot", "unknown field"),
        (#"{"server": {"drainDelay": "20s"}}"#, "server.drainDelay", "shorter than shutdownGracePeriod"),
        (#"{"server": {"headerTimeout": 0}}"#, "server.headerTimeout", "longer than zero"),
        (#"{"server": {"maxHeaderSize": 10}}"#, "server.maxHeaderSize", "out of range"),
        (#"{"server": {"maxConnections": 0}}"#, "server.maxConnections", "out of range"),
        (#"{"sever": {}}"#, "sever", "unknown field"),
        (#"{"server": {"cors": {"allowedOrigins": ["*"], "allowCredentials": true}}}"#, "server.cors.allowCredentials", "never allowed"),
        (#"{"server": {"cors": {"allowedOrigins": ["chat.example.org"]}}}"#, "server.cors.allowedOrigins", "not an origin"),
        (#"{"backends": [{"name": "lt", "kind": "google", "url": "http://x"}]}"#, "backends[0].kind", "not a backend kind"),
        (#"{"backends": [{"name": "lt", "kind": "libretranslate", "url": "ftp://x"}]}"#, "backends[0].url", "http(s) URL"),
        (#"{"backends": [{"kind": "libretranslate", "url": "http://x"}]}"#, "backends[0].name", "is required"),
        (#"{"backends": [{"name": "a", "kind": "nllb-api", "url": "http://x"}, {"name": "a", "kind": "nllb-api", "url": "http://y"}]}"#, "backends[1].name", "used by another"),
        (#"{"backends": [{"name": "a", "kind": "nllb-api", "url": "http://x", "timeout": "soon"}]}"#, "backends[0].timeout", "duration"),
        (#"{"routing": {"preferences": {"en-es": ["missing"]}}}"#, "routing.preferences.en-es", "not configured"),
        (#"{"routing": {"preferences": {"en-pt": []}}}"#, "routing.preferences.en-pt", "not a supported language"),
        (#"{"log": {"level": "loud"}}"#, "log.level", "is not one of"),
        (#"{"cache": {"enabled": "maybe"}}"#, "cache.enabled", "true or false"),
        (#"{"dataDirectory": ""}"#, "dataDirectory", "must not be empty"),
        (#"{"store": {"url": "mysql://db/parley"}}"#, "store.url", "not a store URL"),
        (#"{"store": {"url": "postgres://db/parley", "pollInterval": "1ms"}}"#, "store.pollInterval", "at least 50ms"),
        (#"{"store": {"uri": "sqlite:x"}}"#, "store.uri", "unknown field"),
        (#"[1, 2]"#, "(file)", "top level"),
        (#"{"server": "#, "(file)", "not valid JSON"),
    ])
    func errors(json: String, field: String, reason: String) throws {
        let path = try write(json, extension: "json")
        do {
            _ = try ConfigurationLoader(environment: [:]).load(file: path)
            Issue.record("expected an error for \(json)")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test func storeURLFromFileEnvironmentAndFlag() throws {
        #expect(try ConfigurationLoader(environment: [:]).load().store.url == nil)
        let path = try write(#"{"store": {"url": "sqlite:/from/file.sqlite"}}"#, extension: "json")
        #expect(try ConfigurationLoader(environment: [:]).load(file: path).store.url == "sqlite:/from/file.sqlite")
        let loader = ConfigurationLoader(environment: ["PARLEY_STORE_URL": "postgres://parley@db/parley"])
        #expect(try loader.load(file: path).store.url == "postgres://parley@db/parley")
        #expect(try loader.load(file: path, flags: ["store.url": "postgresql://other@db/p"]).store.url == "postgresql://other@db/p")
        #expect(try ConfigurationLoader(environment: ["PARLEY_STORE_URL": "  "]).load().store.url == nil)
    }

    /// A mistyped store URL may still carry a password: the error must not repeat it.
    @Test func aBadStoreURLWithAPasswordIsNotEchoed() {
        do {
            _ = try ConfigurationLoader(environment: ["PARLEY_STORE_URL": "postgre://parley:hunter2@db/parley"]).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "store.url")
            #expect(!error.description.contains("hunter2"), "\(error)")
            #expect(error.description.contains("environment PARLEY_STORE_URL"))
        }
    }

    @Test func environmentErrorsNameTheVariable() {
        do {
            _ = try ConfigurationLoader(environment: ["PARLEY_SERVER_PORT": "x"]).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "server.port")
            #expect(error.description.contains("environment PARLEY_SERVER_PORT"))
        }
    }

    @Test func badBackendSpecs() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(backendFlags: ["lt:libretranslate:http://x"]) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(backendFlags: ["lt=deepl@http://x"]) }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(backendFlags: ["lt=libretranslate@not a url"]) }
    }

    @Test func unknownFileTypeAndMissingFile() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(file: "/tmp/parley.toml") }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: [:]).load(file: "/nonexistent/parley.yaml") }
    }

    @Test func durations() {
        #expect(DurationText.parse("500ms") == .milliseconds(500))
        #expect(DurationText.parse("10s") == .seconds(10))
        #expect(DurationText.parse("5m") == .seconds(300))
        #expect(DurationText.parse("12h") == .seconds(43200))
        #expect(DurationText.parse("30d") == .seconds(2_592_000))
        #expect(DurationText.parse("1.5") == .milliseconds(1500))
        #expect(DurationText.parse("-1s") == nil)
        #expect(DurationText.parse("soon") == nil)
    }
}
