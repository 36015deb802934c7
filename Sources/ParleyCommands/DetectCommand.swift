import ArgumentParser
import Foundation
import LanguageDetection

/// `parley detect "text"` or `parley detect --file F`: language detection in process.
/// With `--file`, one line per input line: `<lang>\t<confidence>` (`und` when nothing
/// linguistic), in the same order — the format evaluations read.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect the language of a text, or of every line of a file (no server needed)."
    )

    @Argument(help: "The text (omit with --file).") var text: String?
    @Option(help: "A file with one text per line; prints <lang>\\t<confidence> per line.") var file: String?

    func validate() throws {
        guard (text == nil) != (file == nil) else { throw ValidationError("give either a text or --file, not both or neither") }
    }

    func run() throws {
        let detector: LanguageDetector
        do { detector = try LanguageDetector.bundled() } catch { throw CommandFailure("cannot load the language model: \(error)") }
        if let text {
            let detection = detector.detect(text)
            if detection.candidates.isEmpty { print("und\t0.0000") }
            for candidate in detection.candidates {
                print("\(candidate.language.code)\t\(String(format: "%.4f", candidate.confidence))")
            }
            print("reliable: \(detection.reliable)")
            return
        }
        guard let file else { return }
        let content: String
        do { content = try String(contentsOfFile: file, encoding: .utf8) } catch { throw ValidationError("cannot read \(file): \(error.localizedDescription)") }
        var lines = content.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var output = ""
        output.reserveCapacity(lines.count * 12)
        for line in lines {
            let detection = detector.detect(line.hasSuffix("\r") ? String(line.dropLast()) : line)
            output += "\(detection.code)\t\(String(format: "%.4f", detection.confidence))\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
