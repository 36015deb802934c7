import ArgumentParser
import Catalogs
import Foundation
import Glossary
import Languages
import ServiceConfiguration

/// `parley catalog import|export|lint`: the UI catalogs between files and the store, and QA.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Import, export and check the UI catalogs.",
        subcommands: [Import.self, Export.self, Lint.self, CatalogPretranslateCommand.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge catalog files into the store (one transaction) and print what changed.",
            discussion: """
                i18next: the tree in --catalogs (default: catalogsDirectory, ./Catalogs). New keys are added, keys \
                gone from English become obsolete, values changed only in the files are taken, values changed in both \
                the files and the store keep the store's and record the file's as a suggestion.
                xliff/po: the files in --in (a file or a directory of <lang>.xlf / <lang>.po).
                """
        )
        @OptionGroup var common: CommonOptions
        @Option(help: "i18next, xliff or po.") var format: String = "i18next"
        @Option(help: "The i18next tree (default: the configured catalogsDirectory).") var catalogs: String?
        @Option(name: .customLong("in"), help: "The XLIFF or PO file or directory.") var input: String?
        @Option(help: "Recorded as the author of the revisions.") var author: String = "cli"

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let exchange = try CatalogCommand.format(format)
            let service = try await CatalogCommand.service(common, configuration)
            let source: String
            if exchange == .i18next {
                source = catalogs ?? configuration.catalogsDirectory
            } else {
                guard let input else { throw ValidationError("--in PATH is required for --format \(format)") }
                source = input
            }
            do {
                let report = try await service.importExchange(exchange, from: source, author: author)
                print("imported \(report.documents) documents from \(source)")
                print(report.summary)
            } catch let error as CatalogError {
                throw CommandFailure("\(error)")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the catalogs from the store.",
            discussion: """
                i18next: writes <out or catalogs>/<lang>/<ns>.json byte-stable (unchanged files are not rewritten) and \
                records the written values as the last sync. xliff/po: writes <out>/<lang>.xlf or .po per target language.
                """
        )
        @OptionGroup var common: CommonOptions
        @Option(help: "i18next, xliff or po.") var format: String = "i18next"
        @Option(help: "The i18next tree (default: the configured catalogsDirectory).") var catalogs: String?
        @Option(help: "Where to write (a directory).") var out: String?
        @Option(name: .customLong("lang"), help: "Only this language; repeatable.") var languages: [String] = []

        func run() async throws {
            let configuration = try common.loadConfiguration()
            let exchange = try CatalogCommand.format(format)
            let selected = try CatalogCommand.languages(languages)
            let service = try await CatalogCommand.service(common, configuration)
            let target: String
            if exchange == .i18next {
                target = out ?? catalogs ?? configuration.catalogsDirectory
            } else {
                guard let out else { throw ValidationError("--out DIR is required for --format \(format)") }
                target = out
            }
            do {
                let written = try await service.exportExchange(exchange, to: target, languages: selected)
                print("wrote \(written.count) file\(written.count == 1 ? "" : "s") to \(target)")
                for path in written { print("  \(path)") }
            } catch let error as CatalogError {
                throw CommandFailure("\(error)")
            }
        }
    }

    struct Lint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the catalog files (exits 1 when there are errors; usable as a pre-commit check).",
            discussion: "Checks: \(CatalogCheck.allCases.map { "\($0.rawValue) (\($0.severity.rawValue))" }.joined(separator: ", "))."
        )
        @OptionGroup var common: CommonOptions
        @Option(help: "The i18next tree (default: the configured catalogsDirectory, ./Catalogs).") var catalogs: String?
        @Option(help: "The glossary directory (default: Glossaries next to the catalogs, else the configured one).") var glossaries: String?
        @Option(name: .customLong("lang"), help: "Only this language (and English); repeatable.") var languages: [String] = []
        @Flag(help: "Print the report as JSON.") var json = false
        @Flag(help: "Also print info findings.") var verbose = false
        @Flag(name: .customLong("format"), help: "Also check the files' layout: the byte-stable format `parley catalog export` writes (2-space indent, plural forms together, trailing newline). Off by default: the layout of a file is not a translation error.")
        var checkFormat = false

        func run() async throws {
            let (output, errors) = try report()
            print(output)
            if errors > 0 { throw ExitCode(1) }
        }

        /// The printed report and the number of errors.
        func report() throws -> (output: String, errors: Int) {
            let configuration = try common.loadConfiguration()
            let root = catalogs ?? configuration.catalogsDirectory
            var glossaryDirectory = glossaries ?? configuration.glossariesDirectory
            if glossaries == nil, catalogs != nil {
                let sibling = ((root as NSString).deletingLastPathComponent as NSString).appendingPathComponent("Glossaries")
                if FileManager.default.fileExists(atPath: sibling) { glossaryDirectory = sibling }
            }
            let glossary: Glossary?
            do {
                glossary = try Glossary.load(directory: glossaryDirectory)
            } catch {
                throw CommandFailure("\(error)")
            }
            let linter = CatalogLinter(glossary: glossary)
            let report: CatalogLintReport
            let selected = try CatalogCommand.languages(languages)
            do {
                report = try linter.lintTree(at: root, languages: selected, format: checkFormat)
            } catch {
                throw ValidationError(error.description)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = (try? encoder.encode(report)) ?? Data()
                return (String(decoding: data, as: UTF8.self), report.errors)
            }
            return (report.text(includeInfo: verbose), report.errors)
        }
    }

    static func format(_ text: String) throws -> CatalogExchangeFormat {
        guard let format = CatalogExchangeFormat(rawValue: text.lowercased()) else {
            throw ValidationError("--format must be one of \(CatalogExchangeFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    static func languages(_ codes: [String]) throws -> [Language]? {
        guard !codes.isEmpty else { return nil }
        return try codes.map { code in
            guard let language = Language(rawValue: code.lowercased()) else {
                throw ValidationError("--lang \(code) is not one of \(Language.supportedCodes.joined(separator: " "))")
            }
            return language
        }
    }

    static func service(_ common: CommonOptions, _ configuration: ParleyConfiguration) async throws -> CatalogService {
        let glossary: Glossary?
        do {
            glossary = try Glossary.load(directory: configuration.glossariesDirectory)
        } catch {
            throw CommandFailure("\(error)")
        }
        return CatalogService(store: try await common.openStore(configuration), glossary: glossary)
    }
}
