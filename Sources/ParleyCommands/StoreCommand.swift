import ArgumentParser
import Foundation
import Logging
import ServiceConfiguration
import Storage

/// `parley store migrate|check|copy`: the schema of either store, and moving a deployment
/// from one store to another (SQLite to PostgreSQL, say).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Migrate, check or copy the store (SQLite or PostgreSQL).",
        subcommands: [Migrate.self, Check.self, Copy.self]
    )

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending schema migrations (serve does this at start too; instances starting together migrate once).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let store = try await common.openStore(configuration)
            let status = try await store.schemaStatus()
            print("\(store.location): \(status)")
            try await store.close()
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report the schema version without changing anything; exits 1 when migrations are pending, 2 when the schema is newer than this Parley.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let store: any ParleyStore
            do {
                store = try await StoreURL(configuration.store.url, dataDirectory: configuration.dataDirectory).open(migrating: false)
            } catch StoreError.schemaTooNew(let found, let known) {
                print("\(StoreError.schemaTooNew(found: found, known: known))")
                throw ExitCode(2)
            } catch {
                throw CommandFailure("\(error)")
            }
            let status = try await store.schemaStatus()
            try await store.ping()
            print("\(store.location): \(status)")
            try await store.close()
            if !status.isCurrent { throw ExitCode(1) }
        }
    }

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy keys, catalogs with their history, versions, audit log and cache into an empty store.",
            discussion: """
                Stop the service first: the source must not change during the copy. The target is \
                migrated, must hold no keys, catalogs or cache, and is read back and compared afterwards.
                  parley store copy --from sqlite:./data/parley.sqlite --to postgres://parley:…@db/parley
                """
        )
        @Option(help: "The store to copy from (sqlite:PATH or postgres://…).") var from: String
        @Option(help: "The empty store to copy into (sqlite:PATH or postgres://…).") var to: String

        func run() async throws {
            let logger = Logger(label: "parley.store")
            do {
                let sourceURL = try StoreURL(from, dataDirectory: ".")
                let targetURL = try StoreURL(to, dataDirectory: ".")
                guard sourceURL != targetURL else { throw ValidationError("--from and --to name the same store") }
                let source = try await sourceURL.open(migrating: false, logger: logger)
                guard try await source.schemaStatus().isCurrent else {
                    throw CommandFailure("\(source.location) is not at the current schema; run parley store migrate --store \(sourceURL) first")
                }
                let target = try await targetURL.open(logger: logger)
                let started = ContinuousClock.now
                let report = try await StoreCopier(from: source, to: target).copy { step in print("copied \(step)") }
                print("copied \(source.location) to \(target.location) in \(started.duration(to: .now)): \(report)")
                try await source.close()
                try await target.close()
            } catch let error as StoreError {
                throw CommandFailure("\(error)")
            } catch let error as StoreCopyError {
                throw CommandFailure("\(error)")
            }
        }
    }
}
