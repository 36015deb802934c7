// swift-tools-version:6.2
// Parley — the translation and localization service of protoimsg.
//
// Module graph (arrows point one way; README "Layout" says which module may import which, and why):
//   parley -> ParleyCommands -> ParleyServer -> CatalogWorkflow -> TranslationEngine
//     -> TranslationBackends, Storage, LanguageDetection, Catalogs, RichText, AccessControl
//     -> Glossary -> Languages -> CParleyICU (system ICU behind plain C types); Hashing -> COpenSSL
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "parley",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // System ICU (libicu-dev), wrapped in plain C so no Swift module sees ICU's types.
        .target(
            name: "CParleyICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // System OpenSSL libcrypto (libssl-dev): SHA-256 for API keys, HMAC for webhooks.
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The one SHA-256/HMAC wrapper (API keys, cache keys, ETags, glossary versions, webhooks).
        .target(
            name: "Hashing",
            dependencies: ["COpenSSL"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Languages",
            dependencies: ["CParleyICU"],
            swiftSettings: swiftSettings
        ),
        // The term base: CSV, validation, versions, matching for MT protection and for QA checks.
        .target(
            name: "Glossary",
            dependencies: ["Languages", "Hashing"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanguageDetection",
            dependencies: ["Languages"],
            resources: [.copy("Resources/langid.model")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ServiceConfiguration",
            dependencies: [
                "Languages",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Parley's durable state: SQLite (GRDB) for one instance, PostgreSQL (postgres-nio) for many.
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AccessControl",
            dependencies: [
                "Hashing",
                "Storage",
                "Languages",
            ],
            swiftSettings: swiftSettings
        ),
        // The UI catalogs: i18next JSON, CLDR plural checks, QA, XLIFF/PO exchange, pseudo-locales.
        .target(
            name: "Catalogs",
            dependencies: ["Languages", "Storage", "Glossary", "Hashing"],
            swiftSettings: swiftSettings
        ),
        // AT Protocol rich text (facets, byte offsets) and protected spans through translation.
        .target(
            name: "RichText",
            dependencies: ["Glossary"],
            swiftSettings: swiftSettings
        ),
        // Clients for the machine-translation servers Parley fronts.
        .target(
            name: "TranslationBackends",
            dependencies: [
                "Languages",
                "ServiceConfiguration",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Routing, failover, circuit breakers, cache, coalescing, batching and priority lanes.
        .target(
            name: "TranslationEngine",
            dependencies: [
                "Languages",
                "ServiceConfiguration",
                "Storage",
                "Hashing",
                "TranslationBackends",
                "RichText",
                "Glossary",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // In-process fake MT servers speaking the real protocols, with fault injection (tests only).
        .target(
            name: "BackendFakes",
            dependencies: [
                "Languages",
                "ServiceConfiguration",
                "TranslationBackends",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/BackendFakes",
            swiftSettings: swiftSettings
        ),
        // The catalog workflow that is not HTTP: pre-translation, jobs and their progress,
        // webhook events, signing, delivery and retries, change monitoring.
        .target(
            name: "CatalogWorkflow",
            dependencies: [
                "Languages",
                "Storage",
                "Hashing",
                "Glossary",
                "Catalogs",
                "RichText",
                "TranslationBackends",
                "TranslationEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyServer",
            dependencies: [
                "Languages",
                "ServiceConfiguration",
                "Storage",
                "AccessControl",
                "Catalogs",
                "CatalogWorkflow",
                "Glossary",
                "Hashing",
                "TranslationEngine",
                "LanguageDetection",
                "RichText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // The connection guard (slow clients, header and connection bounds) is a NIO
                // channel handler beside Hummingbird's own.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/studio")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyCommands",
            dependencies: [
                "ParleyServer",
                "CatalogWorkflow",
                "Glossary",
                "TranslationEngine",
                "TranslationBackends",
                "LanguageDetection",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "parley",
            dependencies: ["ParleyCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // The benchmark harness: swift run -c release parley-bench <scenario>
        .executableTarget(
            name: "parley-bench",
            dependencies: [
                "ParleyServer",
                "TranslationEngine",
                "TranslationBackends",
                "BackendFakes",
                "LanguageDetection",
                "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/parley-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"], swiftSettings: swiftSettings),
        .testTarget(name: "GlossaryTests", dependencies: ["Glossary"], swiftSettings: swiftSettings),
        .testTarget(name: "LanguagesTests", dependencies: ["Languages"], swiftSettings: swiftSettings),
        .testTarget(name: "LanguageDetectionTests", dependencies: ["LanguageDetection"], swiftSettings: swiftSettings),
        .testTarget(name: "ServiceConfigurationTests", dependencies: ["ServiceConfiguration"], swiftSettings: swiftSettings),
        // The store contract runs against SQLite and against the PostgreSQL test.sh starts.
        .testTarget(name: "StorageTests", dependencies: ["Storage", .product(name: "PostgresNIO", package: "postgres-nio")], swiftSettings: swiftSettings),
        .testTarget(name: "AccessControlTests", dependencies: ["AccessControl", "Hashing"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyServer",
                "CatalogWorkflow",
                "BackendFakes",
                "RichText",
                "Glossary",
                "TranslationEngine",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TranslationBackendsTests",
            dependencies: ["TranslationBackends", "BackendFakes"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TranslationEngineTests",
            dependencies: ["TranslationEngine", "BackendFakes", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RichTextTests",
            dependencies: [
                "RichText",
                "Glossary",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CatalogsTests", dependencies: ["Catalogs", "Glossary", "Hashing"], swiftSettings: swiftSettings),
        // Against real LibreTranslate and a CTranslate2 NLLB server started by Tests/Interop/harness.
        .testTarget(
            name: "InteropTests",
            dependencies: [
                "ParleyServer",
                "TranslationEngine",
                "TranslationBackends",
                "Languages",
                "ServiceConfiguration",
                "Storage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ParleyCommandsTests", dependencies: ["ParleyCommands", "CatalogWorkflow", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: swiftSettings),
    ]
)
