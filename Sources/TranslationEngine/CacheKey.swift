import Hashing
import Languages
import TranslationBackends

/// What identifies one translation: the NFC text, the pair, the format, the glossary
/// version, whether it is a backend call or a whole protected text, and (for the cache key)
/// the backend model that produced it.
struct TranslationWork: Sendable, Hashable {
    /// What a cached value is: one backend call's output, or the finished translation of a
    /// whole plain text after span protection (its pieces went to the backend as calls).
    enum Layer: Sendable, Hashable {
        case backendCall
        case protectedText
    }

    /// The text in NFC.
    let text: String
    let pair: LanguagePair
    let format: TextFormat
    let glossaryVersion: String
    let layer: Layer

    init(text: String, pair: LanguagePair, format: TextFormat, glossaryVersion: String, layer: Layer = .backendCall) {
        self.text = UnicodeNormalizer.normalize(text, to: .nfc)
        self.pair = pair
        self.format = format
        self.glossaryVersion = glossaryVersion
        self.layer = layer
    }

    /// Identity of the work regardless of backend (used to coalesce identical requests).
    var workKey: String {
        Digest.sha256Hex(material(model: "*").utf8)
    }

    /// The cache key for this work as produced by `model` (a backend's model identity, or a
    /// pivot route's two identities).
    ///
    /// Whole protected texts live in memory only, so their key is the material itself, not
    /// its SHA-256 (which a cached request would otherwise compute on every hit); it cannot
    /// collide with a hex digest, which never holds the unit separator.
    func cacheKey(model: String) -> String {
        layer == .protectedText ? material(model: model) : Digest.sha256Hex(material(model: model).utf8)
    }

    private func material(model: String) -> String {
        // Unit separators keep fields from running into each other; backend-call keys keep
        // the shape they always had, so existing cache entries stay valid.
        let format = layer == .protectedText ? format.rawValue + "+protected" : format.rawValue
        return [pair.source.code, pair.target.code, format, glossaryVersion, model, text].joined(separator: "\u{1f}")
    }
}
