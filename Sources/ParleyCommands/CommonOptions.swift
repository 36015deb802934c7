import ArgumentParser
import Logging
import ServiceConfiguration
import Storage

/// Options every command that needs configuration or the store accepts.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (.json, .yaml or .yml). Default: $PARLEY_CONFIG, else none.")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Data directory holding parley.sqlite (default ./data).")
    var dataDirectory: String?

    @Option(name: .customLong("store"), help: "Store URL: sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB (default: SQLite in the data directory; $PARLEY_STORE_URL).")
    var store: String?

    /// Field path → value for the flags this command sets.
    func flags() -> [String: String] {
        var flags: [String: String] = [:]
        if let dataDirectory { flags["dataDirectory"] = dataDirectory }
        if let store { flags["store.url"] = store }
        return flags
    }

    /// The checked configuration, or a clean exit with the field and reason.
    func loadConfiguration(extraFlags: [String: String] = [:], backends: [String] = []) throws -> ParleyConfiguration {
        do {
            return try ConfigurationLoader().load(file: config, flags: flags().merging(extraFlags) { _, new in new }, backendFlags: backends)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Opens (and migrates) the configured store: `store.url`, else SQLite in the data directory.
    func openStore(_ configuration: ParleyConfiguration, migrating: Bool = true, logger: Logger = Logger(label: "parley.store")) async throws -> any ParleyStore {
        do {
            return try await StoreURL(configuration.store.url, dataDirectory: configuration.dataDirectory).open(migrating: migrating, pollInterval: configuration.store.pollInterval, logger: logger)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
