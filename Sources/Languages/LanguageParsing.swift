/// Why a language code was refused.
public enum LanguageParsingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input was empty or only white space.
    case empty
    /// The input is not a well-formed language tag or NLLB code.
    case malformed(String)
    /// A well-formed tag for a language Parley does not serve (`pt-BR`).
    case unsupported(String)

    public var description: String {
        let supported = Language.supportedCodes.joined(separator: ", ")
        switch self {
        case .empty:
            return "language code is empty; supported: \(supported)"
        case .malformed(let text):
            return "'\(text)' is not a language code; supported: \(supported)"
        case .unsupported(let text):
            return "language '\(text)' is not supported; supported: \(supported)"
        }
    }
}

extension Language {
    /// Parses what real clients send: `en`, `EN`, `en-US`, `en_US`, `ar-EG`, `zh-Hant-TW`-shaped
    /// tags, and NLLB codes like `eng_Latn`. The primary subtag decides; region and script
    /// subtags are accepted and dropped (an NLLB code must name the script NLLB uses).
    ///
    /// - Throws: ``LanguageParsingError`` naming the supported codes.
    public init(parsing input: String) throws(LanguageParsingError) {
        if let exact = Language(rawValue: input) {
            // What almost every request sends: a plain lowercase code.
            self = exact
            return
        }
        let text = input.trimmingSpaces()
        guard !text.isEmpty else { throw .empty }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
            .map { String($0) }
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(\.isASCIILetterOrDigit) }),
              let primary = subtags.first, (2...3).contains(primary.count), primary.allSatisfy(\.isASCIILetter)
        else { throw .malformed(text) }
        let lowered = primary.lowercased()
        if lowered.count == 3 {
            // NLLB / FLORES-200 code such as eng_Latn: all three letters and the script must match.
            if let match = Language.allCases.first(where: { $0.nllbCode.lowercased() == text.lowercased() }) {
                self = match
                return
            }
            if let match = Language.allCases.first(where: { $0.nllbCode.prefix(3) == lowered }), subtags.count == 1 {
                self = match
                return
            }
            throw .unsupported(text)
        }
        guard let language = Language(rawValue: lowered) else { throw .unsupported(text) }
        self = language
    }

    /// The language for `input`, or `nil` when it cannot be parsed or is not supported.
    public static func parse(_ input: String) -> Language? {
        try? Language(parsing: input)
    }
}
