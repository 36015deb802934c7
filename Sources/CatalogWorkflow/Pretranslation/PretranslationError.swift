/// Why a pre-translation could not start. Each case maps to one HTTP status and one stable code.
public enum PretranslationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// English is the source; it is not pre-translated.
    case sourceLanguage
    /// No such namespace.
    case unknownNamespace(String)
    /// No machine translation is configured for pre-translation.
    case unavailable
    /// The translate function answered with the wrong number of texts.
    case countMismatch(expected: Int, received: Int)

    /// The HTTP status.
    public var httpStatus: Int {
        switch self {
        case .sourceLanguage: 400
        case .unknownNamespace: 404
        case .unavailable: 503
        case .countMismatch: 500
        }
    }

    /// The stable machine-readable code.
    public var code: String {
        switch self {
        case .sourceLanguage: "source_language"
        case .unknownNamespace: "not_found"
        case .unavailable: "pretranslation_unavailable"
        case .countMismatch: "internal_error"
        }
    }

    public var description: String {
        switch self {
        case .sourceLanguage: "English is the source language; pre-translate a target language (es ru ar uk ga sw ha)"
        case .unknownNamespace(let name): "no namespace '\(name)'"
        case .unavailable: "no machine translation is configured for pre-translation"
        case .countMismatch(let expected, let received): "machine translation returned \(received) texts for \(expected)"
        }
    }
}
