import ArgumentParser
import ParleyCommands

/// The `parley` executable: ParleyCommands' root command, run through `@main` so that
/// ArgumentParser takes its async entry point.
@main
struct ParleyEntry: AsyncParsableCommand {
    static let configuration = ParleyCommand.configuration
}
