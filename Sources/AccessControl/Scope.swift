import Languages

/// A permission an API key (or an anonymous caller) holds.
///
/// Written as text in configuration and on the CLI: `translate`, `detect`, `catalog:read`,
/// `catalog:review:<lang>`, `catalog:write:<lang>` (`<lang>` may be `*` for all languages), `admin`.
public enum Scope: Sendable, Hashable, CustomStringConvertible {
    case translate
    case detect
    case catalogRead
    /// Write translations of a language (or all languages when `nil`).
    case catalogWrite(Language?)
    /// Write and mark reviewed a language's translations (or all languages when `nil`).
    case catalogReview(Language?)
    /// Everything, including key management and the audit log.
    case admin

    public var description: String {
        switch self {
        case .translate: "translate"
        case .detect: "detect"
        case .catalogRead: "catalog:read"
        case .catalogWrite(let language): "catalog:write:\(language?.code ?? "*")"
        case .catalogReview(let language): "catalog:review:\(language?.code ?? "*")"
        case .admin: "admin"
        }
    }

    /// Parses a scope as written; throws a message listing the valid forms.
    public init(parsing text: String) throws(ScopeParsingError) {
        switch text {
        case "translate": self = .translate
        case "detect": self = .detect
        case "catalog:read": self = .catalogRead
        case "admin": self = .admin
        default:
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, parts[0] == "catalog", parts[1] == "write" || parts[1] == "review" else {
                throw ScopeParsingError(text: text)
            }
            let language: Language?
            if parts[2] == "*" {
                language = nil
            } else if let parsed = Language(rawValue: parts[2]) {
                language = parsed
            } else {
                throw ScopeParsingError(text: text)
            }
            self = parts[1] == "write" ? .catalogWrite(language) : .catalogReview(language)
        }
    }

    /// Whether holding `self` grants `required`.
    /// `admin` grants everything; `catalog:review:L` includes `catalog:write:L`; either includes
    /// `catalog:read`; `*` covers every language.
    public func grants(_ required: Scope) -> Bool {
        if self == required { return true }
        switch (self, required) {
        case (.admin, _):
            return true
        case (.catalogWrite, .catalogRead), (.catalogReview, .catalogRead):
            return true
        case (.catalogWrite(let held), .catalogWrite(let wanted)),
             (.catalogReview(let held), .catalogReview(let wanted)),
             (.catalogReview(let held), .catalogWrite(let wanted)):
            return held == nil || held == wanted
        default:
            return false
        }
    }
}

/// A scope that could not be parsed.
public struct ScopeParsingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "'\(text)' is not a scope; use translate, detect, catalog:read, catalog:write:<lang>, catalog:review:<lang> (lang one of \(Language.supportedCodes.joined(separator: " ")) or *), admin"
    }
}

extension Array where Element == Scope {
    /// Parses a list of scopes written as text.
    public static func parsing(_ texts: [String]) throws(ScopeParsingError) -> [Scope] {
        var scopes: [Scope] = []
        for text in texts { scopes.append(try Scope(parsing: text)) }
        return scopes
    }

    /// Whether any scope in the list grants `required`.
    public func grants(_ required: Scope) -> Bool {
        contains { $0.grants(required) }
    }
}
