import AccessControl
import Languages
import TranslationBackends

/// What identifies one translation: the NFC text, the pair, the format, the glossary
/// version, and (for the cache key) the backend model that produced it.
struct TranslationWork: Sendable, Hashable {
    /// The text in NFC.
    let text: String
    let pair: LanguagePair
    let format: TextFormat
    let glossaryVersion: String

    init(text: String, pair: LanguagePair, format: TextFormat, glossaryVersion: String) {
        self.text = UnicodeNormalizer.normalize(text, to: .nfc)
        self.pair = pair
        self.format = format
        self.glossaryVersion = glossaryVersion
    }

    /// Identity of the work regardless of backend (used to coalesce identical requests).
    var workKey: String {
        Digest.sha256Hex(material(model: "*").utf8)
    }

    /// The cache key for this work as produced by `model` (a backend's model identity, or a
    /// pivot route's two identities).
    func cacheKey(model: String) -> String {
        Digest.sha256Hex(material(model: model).utf8)
    }

    private func material(model: String) -> String {
        // Unit separators keep fields from running into each other.
        [pair.source.code, pair.target.code, format.rawValue, glossaryVersion, model, text].joined(separator: "\u{1f}")
    }
}
