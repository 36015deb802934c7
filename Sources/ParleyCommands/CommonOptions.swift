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

    /// Field path → value for the flags this command sets.
    func flags() -> [String: String] {
        var flags: [String: String] = [:]
        if let dataDirectory { flags["dataDirectory"] = dataDirectory }
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

    /// Opens the store of the configured data directory.
    func openStore(_ configuration: ParleyConfiguration) throws -> SQLiteStore {
        do {
            return try SQLiteStore(directory: configuration.dataDirectory)
        } catch {
            throw CleanExit.message("error: \(error)")
        }
    }
}
