import ArgumentParser
import TranslationEngine

/// `parley backends`: probes each configured backend and prints its health, pairs and latency.
struct BackendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "Probe the configured backends: health, language pairs, latency."
    )

    @OptionGroup var common: CommonOptions
    @Option(name: .customLong("backend"), help: "A backend NAME=KIND@URL replacing the configured ones; repeatable.") var backendSpecs: [String] = []

    func run() async throws {
        let configuration = try common.loadConfiguration(backends: backendSpecs)
        guard !configuration.backends.isEmpty else {
            print("no backends configured (use --backend NAME=KIND@URL, PARLEY_BACKENDS or the config file)")
            return
        }
        let engine = try EngineFactory.engine(configuration, store: nil)
        await engine.monitor.probeAll()
        for status in await engine.monitor.backendStatuses() {
            let latency = status.latencyMilliseconds.map { "\($0) ms" } ?? "-"
            print("\(status.name)\t\(status.kind)\t\(status.url)\t\(status.state.rawValue)\tlatency \(latency)")
            if let detail = status.detail { print("  \(detail)") }
            print("  pairs (\(status.pairs.count)): \(status.pairs.joined(separator: " "))")
        }
    }
}
