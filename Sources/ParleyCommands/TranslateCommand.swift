import ArgumentParser
import Languages
import TranslationBackends
import TranslationEngine

/// `parley translate "text" --to es [--from en] [--backend NAME]`: one translation, in process,
/// with the same configuration (backends, routing, cache) as `serve`.
struct TranslateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Translate a text through the configured backends (no server needed).",
        discussion: "Example: parley translate \"Good morning\" --to ha --backend nllb=nllb-api@http://127.0.0.1:7860"
    )

    @OptionGroup var common: CommonOptions
    @Argument(help: "The text to translate.") var text: String
    @Option(help: "Target language (en es ru ar uk ga sw ha); repeatable.") var to: [String]
    @Option(help: "Source language; default: detect.") var from: String?
    @Option(name: .customLong("backend"), help: "A backend NAME=KIND@URL replacing the configured ones; repeatable.") var backendSpecs: [String] = []
    @Option(name: .customLong("use"), help: "Use only the configured backend with this name.") var only: String?
    @Option(help: "text or html.") var format: String = "text"

    func run() async throws {
        let configuration = try common.loadConfiguration(backends: backendSpecs)
        guard let format = TextFormat(rawValue: format) else { throw ValidationError("--format must be text or html") }
        guard !to.isEmpty else { throw ValidationError("give at least one --to language") }
        var targets: [Language] = []
        for code in to {
            do { targets.append(try Language(parsing: code)) } catch { throw ValidationError(error.description) }
        }
        let source: SourceLanguage
        if let from {
            do { source = .language(try Language(parsing: from)) } catch { throw ValidationError(error.description) }
        } else {
            source = .auto
        }
        let engine = try EngineFactory.engine(configuration, store: nil, only: only)
        let outcome = await engine.translate(text, from: source, to: targets, format: format, lane: .interactive)
        print("source: \(outcome.source.language?.code ?? "und") (\(String(format: "%.2f", outcome.source.confidence)))")
        var failed = false
        for target in targets {
            switch outcome.results[target] {
            case .success(let translated)?:
                print("\(target.code)\t\(translated.text)\t[\(translated.unchanged ? "unchanged" : translated.backend ?? "")]")
            case .failure(let error)?:
                failed = true
                print("\(target.code)\terror \(error.code): \(error.description)")
            case nil:
                failed = true
            }
        }
        if failed { throw ExitCode(3) }
    }
}
