import Foundation
import Languages

/// What to pre-translate: one target language, one namespace or all, only untranslated keys or
/// also the machine values already there (refreshed). Values a translator saved (`translated`,
/// `reviewed`) are never touched.
public struct PretranslationRequest: Sendable, Hashable {
    public var language: Language
    /// `nil`: every namespace.
    public var namespace: String?
    /// Only keys without a value; otherwise `machine` values are translated again too.
    public var onlyMissing: Bool
    /// Recorded as the author of the stored revisions.
    public var author: String
    /// When set, `machine` values written at or after this time are kept, not translated
    /// again: a resumed job does not redo what its first run stored.
    public var keepMachineValuesSince: Date?

    public init(language: Language, namespace: String? = nil, onlyMissing: Bool = false, author: String = "machine") {
        self.language = language
        self.namespace = namespace
        self.onlyMissing = onlyMissing
        self.author = author
    }
}
