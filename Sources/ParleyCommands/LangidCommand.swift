import ArgumentParser
import Foundation
import LanguageDetection

/// `parley langid train|eval`: builds the language-detection model and measures it.
struct LangidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "langid",
        abstract: "Train and evaluate the language-detection model.",
        subcommands: [Train.self, Eval.self]
    )

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a model from <dir>/<lang>.txt files (one text per line); deterministic: same data, same bytes.",
            discussion: "The shipped model was trained with: parley langid train --data ../shared/langid/train --out Sources/LanguageDetection/Resources/langid.model"
        )
        @Option(help: "Directory with en.txt es.txt ru.txt ar.txt uk.txt ga.txt sw.txt ha.txt.") var data: String
        @Option(help: "Where to write the model.") var out: String

        func run() throws {
            let trained: TrainedLanguageModel
            do { trained = try LanguageModelTrainer.train(dataDirectory: URL(fileURLWithPath: data)) } catch { throw ValidationError("\(error)") }
            do { try trained.data.write(to: URL(fileURLWithPath: out)) } catch { throw ValidationError("cannot write \(out): \(error.localizedDescription)") }
            print(trained.summary)
            print("wrote \(trained.data.count) bytes to \(out)")
        }
    }

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate the shipped model on lang<TAB>text lines: accuracy per language and length bucket, confusions, texts/s.")
        @Option(help: "A file of lang<TAB>text lines in the eight.") var file: String?
        @Option(help: "A file of lang<TAB>text lines in other languages (BCP 47 or FLORES-200 codes): how often each length was taken for one of the eight, identified, or und.")
        var other: String?
        @Option(help: "A model file to evaluate instead of the shipped one.") var model: String?

        func validate() throws {
            guard (file == nil) != (other == nil) else { throw ValidationError("give --file or --other") }
        }

        func run() throws {
            let detector: LanguageDetector
            do {
                detector = try model.map { try LanguageDetector(contentsOf: URL(fileURLWithPath: $0)) } ?? LanguageDetector.bundled()
            } catch {
                throw ValidationError("cannot load the model: \(error)")
            }
            if let other {
                let samples: [OtherLanguageEvaluator.Sample]
                do { samples = try OtherLanguageEvaluator.read(file: URL(fileURLWithPath: other)) } catch { throw ValidationError("\(error)") }
                print(OtherLanguageEvaluator.formatted(OtherLanguageEvaluator.evaluate(samples, with: detector)))
                return
            }
            guard let file else { return }
            let samples: [LabeledText]
            do { samples = try LanguageDetectionEvaluator.readLabeled(file: URL(fileURLWithPath: file)) } catch { throw ValidationError("\(error)") }
            print(LanguageDetectionEvaluator.evaluate(samples, with: detector).formatted)
        }
    }
}
