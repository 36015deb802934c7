import AccessControl
import ArgumentParser
import ServiceConfiguration

/// `parley config check [FILE]`: validates configuration without starting anything.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with configuration.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a configuration file (plus PARLEY_* environment variables) and print the result.")
        @Argument(help: "The file to check (.json, .yaml, .yml); default $PARLEY_CONFIG or defaults only.") var file: String?

        func run() throws {
            let configuration: ParleyConfiguration
            do {
                configuration = try ConfigurationLoader().load(file: file)
                _ = try [Scope].parsing(configuration.auth.effectiveAnonymousScopes(for: configuration.server))
            } catch let error as ConfigurationError {
                throw ValidationError(error.description)
            } catch {
                throw ValidationError("invalid configuration: auth.anonymousScopes: \(error)")
            }
            print("configuration OK")
            print("  listen      \(configuration.server.host):\(configuration.server.port)")
            print("  data        \(configuration.dataDirectory)")
            print("  catalogs    \(configuration.catalogsDirectory)")
            print("  glossaries  \(configuration.glossariesDirectory)")
            print("  backends    \(configuration.backends.isEmpty ? "none" : configuration.backends.map { "\($0.name)=\($0.kind.rawValue)@\($0.url)" }.joined(separator: ", "))")
            print("  anonymous   \(configuration.auth.effectiveAnonymousScopes(for: configuration.server).joined(separator: " "))")
        }
    }
}
