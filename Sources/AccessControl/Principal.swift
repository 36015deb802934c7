/// Who is calling: an API key's holder or an anonymous caller, with what they may do.
public struct Principal: Sendable, Equatable {
    /// The key's id, or `nil` for an anonymous caller.
    public var keyID: String?
    /// The key's name (`anonymous` for none), for logs and audit.
    public var name: String
    public var scopes: [Scope]
    /// Exempt from rate limiting.
    public var unlimited: Bool

    public init(keyID: String?, name: String, scopes: [Scope], unlimited: Bool) {
        self.keyID = keyID
        self.name = name
        self.scopes = scopes
        self.unlimited = unlimited
    }

    /// Whether the caller holds a scope that grants `scope`.
    public func may(_ scope: Scope) -> Bool { scopes.grants(scope) }

    public var isAnonymous: Bool { keyID == nil }
}
