/// Everything Parley needs to run, checked and with defaults that work on a laptop.
///
/// Built by ``ConfigurationLoader`` from four layers, later ones winning:
/// defaults, one configuration file (JSON or YAML), `PARLEY_*` environment variables, and
/// command-line flags. See the README's "Configuration" section for every field.
public struct ParleyConfiguration: Sendable, Equatable {
    public var server = ServerSettings()
    /// Where the SQLite database and other state live (`./data`).
    public var dataDirectory = "./data"
    /// Which database holds the durable state: SQLite in ``dataDirectory`` unless set.
    public var store = StoreSettings()
    /// The i18next catalog tree (`./Catalogs`).
    public var catalogsDirectory = "./Catalogs"
    /// The glossary CSV files (`./Glossaries`).
    public var glossariesDirectory = "./Glossaries"
    /// Where the translator web app's files are read from; `nil` (the default) serves the
    /// copy built into Parley. Point it at `Sources/ParleyServer/Resources/studio` to work on
    /// the app without rebuilding.
    public var studioDirectory: String?
    /// The machine-translation servers Parley fronts; none by default.
    public var backends: [BackendSettings] = []
    public var routing = RoutingSettings()
    public var cache = CacheSettings()
    public var translation = TranslationSettings()
    public var auth = AuthSettings()
    public var limits = RequestLimits()
    public var log = LogSettings()
    public var webhook = WebhookConfiguration()

    public init() {}
}

/// An optional webhook told about catalog changes (`catalog.changed`), signed with a secret.
public struct WebhookConfiguration: Sendable, Equatable {
    /// Where to POST; `nil` turns webhooks off.
    public var url: String?
    /// The HMAC-SHA256 key for `X-Parley-Signature`; required with a URL.
    public var secret = ""
    /// Delivery attempts per event (backing off from 1 s, doubling up to 60 s).
    public var maxAttempts = 6
    /// How often namespace versions are compared (this also catches changes made by the CLI).
    public var pollInterval: Duration = .seconds(5)

    public init() {}
}

/// The durable store: SQLite for one instance, PostgreSQL shared by several.
public struct StoreSettings: Sendable, Equatable {
    /// `sqlite:PATH` or `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=require`;
    /// `nil` (the default) is SQLite in the data directory. Never logged with its password.
    public var url: String?
    /// On PostgreSQL, how often an instance re-reads versions and keys when its notification
    /// connection is down (notifications otherwise make changes visible at once).
    public var pollInterval: Duration = .seconds(1)
    /// How long an instance's claim on a background job or webhook delivery lasts without a
    /// heartbeat (renewed every third of it): after a crash, another instance resumes the
    /// work this long after the last heartbeat.
    public var jobLease: Duration = .seconds(30)

    public init() {}
}

/// Where and how the HTTP server listens.
public struct ServerSettings: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Largest accepted request body in bytes; larger bodies get 413.
    public var maxBodySize = 1_048_576
    /// How long SIGTERM waits for in-flight requests before closing.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// After SIGTERM, how long `/readyz` answers 503 while requests are still served, so a load
    /// balancer stops sending traffic before the listener closes (part of the grace period).
    public var drainDelay: Duration = .seconds(2)
    /// A keep-alive connection with no request for this long is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// A request whose head (request line and headers) has started arriving must be complete
    /// within this, else it is answered 408 and the connection closed.
    public var headerTimeout: Duration = .seconds(10)
    /// A request body must arrive at least this fast (bytes per second, over each
    /// `bodyRateWindow`), else 408 and the connection closed.
    public var minimumBodyRate = 1_024
    /// The window over which `minimumBodyRate` is measured.
    public var bodyRateWindow: Duration = .seconds(5)
    /// Largest request head (request line and all headers) in bytes; larger heads get 431.
    public var maxHeaderSize = 16_384
    /// Most connections open at once; more are answered 503 with `Retry-After` and closed.
    public var maxConnections = 1_024
    public var cors = CORSSettings()

    public init() {}

    /// Whether the server listens on a loopback address only (which decides auth defaults).
    public var isLoopbackOnly: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}

/// Cross-origin access for browser clients (the web app loads catalogs from another origin).
public struct CORSSettings: Sendable, Equatable {
    /// Origins allowed to call Parley from a browser; `*` allows any (never with credentials).
    public var allowedOrigins: [String] = ["*"]
    /// Whether browsers may send credentials; refused together with `*`.
    public var allowCredentials = false
    /// How long browsers may cache a preflight answer.
    public var maxAge: Duration = .seconds(600)

    public init() {}
}

/// The kind of machine-translation server a backend is, which decides the protocol spoken.
public enum BackendKind: String, Sendable, CaseIterable, Codable {
    case libreTranslate = "libretranslate"
    case nllbAPI = "nllb-api"
    case nllbServe = "nllb-serve"
}

/// One machine-translation server.
public struct BackendSettings: Sendable, Equatable {
    /// A short unique name (`lt`, `nllb`) used in routing, metrics and responses.
    public var name: String
    public var kind: BackendKind
    /// The server's base URL, e.g. `http://127.0.0.1:5000`.
    public var url: String
    /// Sent as LibreTranslate's `api_key`; unused by the NLLB servers.
    public var apiKey: String?
    /// Deadline for one call to this backend.
    public var timeout: Duration = .seconds(10)
    /// Calls in flight at once.
    public var maxConcurrency = 4
    /// Texts in one backend call.
    public var maxBatchSize = 16
    /// Identity of the model behind the server, part of the cache key; default `kind@url`.
    public var model: String?

    public init(name: String, kind: BackendKind, url: String) {
        self.name = name
        self.kind = kind
        self.url = url
    }

    /// The model label that goes into cache keys.
    public var modelIdentity: String { model ?? "\(kind.rawValue)@\(url)" }
}

/// Which backends serve which language pair, in order of preference.
public struct RoutingSettings: Sendable, Equatable {
    /// Pair pattern (`en-es`, `*-ha`, `ga-*`, `*-*`) → backend names, most preferred first.
    /// Patterns are tried most specific first; pairs with no pattern use Parley's defaults.
    public var preferences: [String: [String]] = [:]
    /// The language used to pivot when no backend serves a pair directly.
    public var pivot = "en"

    public init() {}
}

/// The translation cache: an in-memory layer in front of the store.
public struct CacheSettings: Sendable, Equatable {
    public var enabled = true
    /// Entries kept in memory.
    public var memoryEntries = 10_000
    /// How long a cached translation is served.
    public var ttl: Duration = .seconds(30 * 86_400)

    public init() {}
}

/// How the translation engine schedules and guards backend work.
public struct TranslationSettings: Sendable, Equatable {
    /// Deadline for one text's translation, failover included.
    public var requestTimeout: Duration = .seconds(30)
    /// Queued texts allowed per priority lane before callers get 503 `overloaded`.
    public var interactiveQueue = 512
    public var bulkQueue = 4_096
    public var backgroundQueue = 16_384
    /// How often each backend is probed.
    public var probeInterval: Duration = .seconds(10)
    /// Consecutive failures that open a backend's circuit breaker.
    public var breakerThreshold = 5
    /// How long an open breaker keeps calls away before a trial call.
    public var breakerCooldown: Duration = .seconds(10)

    public init() {}
}

/// Who may call what.
public struct AuthSettings: Sendable, Equatable {
    /// Scopes granted without a key; `nil` means the default: `translate detect catalog:read`
    /// when listening on loopback only, none otherwise.
    public var anonymousScopes: [String]?
    /// Whether `/metrics` is readable without a key.
    public var publicMetrics = true
    /// Whether `/locales/*` (UI strings, not secret) is readable without a key.
    public var publicCatalogs = true
    /// Per-key (or per-client for anonymous callers) token bucket.
    public var rateLimit = RateLimitSettings()
    /// Per client address: how many refused keys (401) it may send before every key it sends
    /// is answered 429 for a while, so that keys cannot be guessed at line rate.
    public var invalidKeyLimit = RateLimitSettings(requestsPerSecond: 1, burst: 10)

    public init() {}

    /// The anonymous scopes in force for a server listening as `server` says.
    public func effectiveAnonymousScopes(for server: ServerSettings) -> [String] {
        anonymousScopes ?? (server.isLoopbackOnly ? ["translate", "detect", "catalog:read"] : [])
    }
}

/// A token bucket: `requestsPerSecond` sustained, `burst` at once; 0 turns limiting off.
public struct RateLimitSettings: Sendable, Equatable {
    public var requestsPerSecond: Double = 50
    public var burst = 100

    public init() {}

    public init(requestsPerSecond: Double, burst: Int) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }
}

/// Limits on what one request may ask for.
public struct RequestLimits: Sendable, Equatable {
    /// Texts in one translate or detect call.
    public var maxTexts = 128
    /// Characters (Unicode scalars) in one text.
    public var maxCharacters = 5_000

    public init() {}
}

/// Logging: level and format (`json` lines for machines, `text` for people).
public struct LogSettings: Sendable, Equatable {
    public var level = "info"
    public var format = "text"

    public init() {}
}
