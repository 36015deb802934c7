/// Deterministic stand-ins for the servers' language detectors (keyword and script rules).
enum FakeLanguageGuess {
    private static let hints: [(String, Set<String>)] = [
        ("ha", ["sannu", "yaya", "gode", "lafiya", "kake"]),
        ("sw", ["habari", "jambo", "asante", "sana", "rafiki"]),
        ("ga", ["dia", "duit", "conas", "atá", "agus", "slán", "maith"]),
        ("es", ["hola", "el", "la", "que", "es", "mundo", "gracias", "cómo", "esto", "amigo"]),
    ]

    /// A two-letter code and a 0–100 confidence, LibreTranslate style (it cannot detect
    /// Irish or Hausa, so those come out as English).
    static func libreTranslate(_ text: String) -> (String, Double) {
        let code = guess(text)
        return (code == "ga" || code == "ha" ? "en" : code, 100.0)
    }

    /// A FLORES-200 code and a 0–1 confidence, nllb-api style.
    static func nllb(_ text: String) -> (String, Double) {
        let codes = ["en": "eng_Latn", "es": "spa_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl", "ar": "arb_Arab",
                     "ga": "gle_Latn", "sw": "swh_Latn", "ha": "hau_Latn"]
        let code = guess(text)
        return (codes[code] ?? "eng_Latn", code == "en" ? 0.95 : 0.88)
    }

    private static func guess(_ text: String) -> String {
        let lower = text.lowercased()
        if lower.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) { return "ar" }
        if lower.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            return lower.contains(where: { "іїєґ".contains($0) }) ? "uk" : "ru"
        }
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        for (code, set) in hints where !words.isDisjoint(with: set) { return code }
        if lower.contains(where: { "ñ¿¡".contains($0) }) { return "es" }
        return "en"
    }
}
