import ArgumentParser
import Languages

/// `parley languages`: the UI languages with their codes and plural categories; `--all`:
/// every FLORES-200 variety Parley knows, with its codes and ICU's names.
struct LanguagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "languages",
        abstract: "List the UI languages, their codes and CLDR plural categories (from ICU); --all lists every known variety."
    )

    @Flag(help: "Every FLORES-200 variety: BCP 47, FLORES-200 and LibreTranslate codes, script, direction, names.")
    var all = false

    func run() throws {
        if all {
            print("code      flores    lt        script dir  ui   name / autonym")
            for variety in LanguageRegistry.shared.varieties {
                print([
                    variety.code.padded(9), variety.floresCode.padded(9), variety.libreTranslateCode.padded(9), variety.script.padded(6),
                    variety.direction.rawValue.padded(4), (variety.isUILanguage ? "yes" : "").padded(4), "\(variety.englishName) / \(variety.autonym)",
                ].joined(separator: " "))
            }
            print("\(LanguageRegistry.shared.varieties.count) varieties; ICU \(ICUInfo.version), CLDR \(ICUInfo.cldrVersion)")
            return
        }
        print("code  name       autonym      script dir  nllb      cardinal plurals                 ordinal")
        for language in Language.allCases {
            let cardinal = language.plurals.categories(.cardinal).map(\.rawValue).joined(separator: " ")
            let ordinal = language.plurals.categories(.ordinal).map(\.rawValue).joined(separator: " ")
            print([
                language.code.padded(4), language.englishName.padded(10), language.autonym.padded(12), language.script.padded(6),
                language.direction.rawValue.padded(4), language.nllbCode.padded(9), cardinal.padded(32), ordinal,
            ].joined(separator: " "))
        }
        print("ICU \(ICUInfo.version), CLDR \(ICUInfo.cldrVersion)")
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
