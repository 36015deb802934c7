/// A command that could not do its job: ArgumentParser prints `Error: <message>` to standard
/// error and the process exits 1 (unlike `CleanExit`, which exits 0 and so told scripts that a
/// failed command had worked).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
