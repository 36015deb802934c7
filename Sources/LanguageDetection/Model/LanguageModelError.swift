import Foundation

/// Why a model file was refused (or could not be found).
public enum LanguageModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Resources/langid.model` is missing from the module's bundle.
    case missingResource
    /// The model file could not be read.
    case unreadable(path: String, reason: String)
    /// The data is shorter than a model header.
    case truncated(size: Int)
    /// The data does not start with the Parley language-model magic bytes.
    case badMagic
    /// The format version is not one this build reads.
    case unsupportedVersion(UInt32)
    /// A header field is out of range.
    case malformedHeader(String)
    /// The size does not match what the header announces.
    case sizeMismatch(expected: Int, actual: Int)
    /// The checksum over the contents does not match: the file is corrupt.
    case checksumMismatch

    public var description: String {
        switch self {
        case .missingResource: "language model resource langid.model is missing from the bundle"
        case .unreadable(let path, let reason): "cannot read language model at \(path): \(reason)"
        case .truncated(let size): "language model is truncated (\(size) bytes)"
        case .badMagic: "not a Parley language model (bad magic bytes)"
        case .unsupportedVersion(let v): "unsupported language model version \(v)"
        case .malformedHeader(let what): "malformed language model header: \(what)"
        case .sizeMismatch(let expected, let actual): "language model size \(actual) bytes, header says \(expected)"
        case .checksumMismatch: "language model checksum mismatch (corrupt file)"
        }
    }
}
