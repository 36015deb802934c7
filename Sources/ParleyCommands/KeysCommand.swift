import AccessControl
import ArgumentParser
import Foundation

/// `parley keys create|list|revoke`: API key management against the store.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key. The key is printed once, alone on the last line of output; only its SHA-256 is stored.",
            discussion: """
                Scopes: translate, detect, catalog:read, catalog:write:<lang>, catalog:review:<lang> \
                (<lang> one of en es ru ar uk ga sw ha, or * for all), admin.
                Example: parley keys create --name chat-server --scope translate --scope detect --unlimited
                """
        )
        @OptionGroup var common: CommonOptions
        @Option(help: "A name for people, e.g. chat-server.") var name: String
        @Option(name: .customLong("scope"), help: "A scope to grant; repeatable.") var scopes: [String] = []
        @Flag(help: "Exempt the key from rate limiting.") var unlimited = false

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else {
                throw ValidationError("--name must be 1–100 characters")
            }
            guard !scopes.isEmpty else { throw ValidationError("give at least one --scope") }
            do {
                _ = try [Scope].parsing(scopes)
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let manager = APIKeyManager(store: try await common.openStore(configuration))
            let (record, key) = try await manager.create(name: name, scopes: try [Scope].parsing(scopes), unlimited: unlimited)
            print("created \(record.id) \"\(record.name)\" scopes: \(record.scopes.joined(separator: " "))\(unlimited ? " (unlimited)" : "")")
            print("store this key now; it is not shown again:")
            print(key)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never the keys themselves).")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let records = try await APIKeyManager(store: try await common.openStore(configuration)).list()
            if records.isEmpty { print("no keys"); return }
            let formatter = ISO8601DateFormatter()
            for record in records {
                let state = record.revokedAt.map { "revoked \(formatter.string(from: $0))" } ?? "active"
                print("\(record.id)  \(record.prefix)…  \(record.name)  [\(record.scopes.joined(separator: " "))]\(record.unlimited ? " unlimited" : "")  created \(formatter.string(from: record.createdAt))  \(state)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key by id (takes effect within 2 seconds in a running server).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The key id, as `parley keys list` shows it (key_…).") var id: String

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let revoked = try await APIKeyManager(store: try await common.openStore(configuration)).revoke(id: id)
            guard revoked else { throw ValidationError("no active key with id \(id)") }
            print("revoked \(id)")
        }
    }
}
