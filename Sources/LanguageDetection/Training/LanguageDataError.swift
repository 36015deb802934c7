import Foundation

/// Why training data or a labeled evaluation file could not be used.
public enum LanguageDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `<dir>/<code>.txt` is missing.
    case missingFile(path: String)
    /// A file exists but could not be read as UTF-8 text.
    case unreadableFile(path: String, reason: String)
    /// A language's file holds no usable line.
    case noTrainingLines(language: String)
    /// A labeled line is not `lang<TAB>text`.
    case malformedLine(path: String, line: Int)
    /// A labeled line names a language that is neither one of the eight nor `und`.
    case unknownLanguage(path: String, line: Int, code: String)

    public var description: String {
        switch self {
        case .missingFile(let path): "training file \(path) is missing"
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .noTrainingLines(let code): "no training lines for language \(code)"
        case .malformedLine(let path, let line): "\(path):\(line): expected 'lang<TAB>text'"
        case .unknownLanguage(let path, let line, let code): "\(path):\(line): unknown language '\(code)'"
        }
    }
}
