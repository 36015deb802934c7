import ArgumentParser

/// The `parley` command: runs the service and manages what it keeps.
public struct ParleyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Parley — translation and localization service for protoimsg.",
        discussion: """
            Start the service with `parley serve` (no configuration needed on a laptop: it listens on \
            127.0.0.1:8080 and keeps its data in ./data). Every command that reads the store takes \
            --data-dir and --config like `serve` does.
            """,
        subcommands: [
            ServeCommand.self, TranslateCommand.self, DetectCommand.self, BackendsCommand.self, LanguagesCommand.self,
            KeysCommand.self, CatalogCommand.self, GlossaryCommand.self, CacheCommand.self, StoreCommand.self, LangidCommand.self, ConfigCommand.self,
        ]
    )

    public init() {}
}
