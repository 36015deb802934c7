import ArgumentParser
import Foundation
import ServiceConfiguration

/// `parley cache stats|purge`: the persistent translation cache.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect or purge the translation cache.",
        subcommands: [Stats.self, Purge.self]
    )

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entries, size and age of the persistent cache.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let statistics = try await common.openStore(configuration).translationCacheStatistics()
            let formatter = ISO8601DateFormatter()
            print("entries  \(statistics.entries)")
            print("bytes    \(statistics.bytes)")
            print("oldest   \(statistics.oldest.map(formatter.string(from:)) ?? "-")")
            print("newest   \(statistics.newest.map(formatter.string(from:)) ?? "-")")
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete cached translations (all, or older than a duration such as 30d or 12h).")
        @OptionGroup var common: CommonOptions
        @Option(name: .customLong("older-than"), help: "Only entries older than this (e.g. 30d, 12h, 90m).") var olderThan: String?

        func run() async throws {
            var cutoff: Date?
            if let olderThan {
                guard let duration = DurationText.parse(olderThan) else { throw ValidationError("--older-than '\(olderThan)' is not a duration like 30d or 12h") }
                cutoff = Date().addingTimeInterval(-DurationText.seconds(duration))
            }
            let configuration = try common.loadConfiguration()
            let removed = try await common.openStore(configuration).purgeTranslations(olderThan: cutoff)
            print("purged \(removed) cached translation\(removed == 1 ? "" : "s")")
        }
    }
}
