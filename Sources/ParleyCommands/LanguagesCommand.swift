import ArgumentParser
import Languages

/// `parley languages`: the supported languages with their codes and plural categories.
struct LanguagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "languages",
        abstract: "List the supported languages, their codes and CLDR plural categories (from ICU)."
    )

    func run() throws {
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
