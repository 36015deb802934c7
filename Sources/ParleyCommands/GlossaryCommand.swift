import ArgumentParser
import Catalogs
import Foundation
import Glossary
import ServiceConfiguration

/// `parley glossary check`: reports duplicates, empty cells and conflicts in `Glossaries/*.csv`.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Work with the glossaries (term bases used by translation and catalog checks).",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the glossaries; exits non-zero on errors.")
        @Option(help: "Directory with the glossary CSV files (default ./Glossaries).") var glossaries: String = "./Glossaries"

        func run() throws {
            let glossary: Glossary?
            do { glossary = try Glossary.load(directory: glossaries) } catch { throw ValidationError("\(error)") }
            guard let glossary else {
                print("no glossary CSV files in \(glossaries)")
                return
            }
            let findings = glossary.validate()
            for finding in findings { print(finding.description) }
            let errors = findings.filter { $0.severity == .error }.count
            print("\(glossary.terms.count) terms, version \(glossary.version.prefix(12)): \(errors) errors, \(findings.count - errors) other findings")
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
