import Languages

/// Builds the evaluation samples of the dev split from held-out lines, mimicking chat traffic:
/// each dev line gives the line itself (or a 6–15-word window of it when longer than 15 words),
/// a 1–2-word window when the line has 3+ words, and a 3–5-word window when it has 6+ words.
/// Windows without any letter of the three scripts are dropped. The windows are drawn from a
/// generator seeded by the line's stable hash, so the split never depends on training.
enum DevSplitBuilder {
    static func samples(from corpus: TrainingCorpus) -> [LabeledText] {
        var out: [LabeledText] = []
        let scanner = FeatureScanner(hashBits: 12)
        for language in Language.allCases {
            for line in corpus.dev[language] ?? [] {
                var rng = SplitMix64(seed: SplitMix64.stableHash(line) ^ 0x5DEE_CE66_D1CE_4E5B)
                let words = TextWindows.words(line)
                var texts: [String] = []
                if words.count <= 15 {
                    texts.append(line)
                } else {
                    texts.append(TextWindows.window(words, length: rng.int(in: 6...15), rng: &rng))
                }
                if words.count >= 3 {
                    texts.append(TextWindows.window(words, length: rng.int(in: 1...2), rng: &rng))
                }
                if words.count >= 6 {
                    texts.append(TextWindows.window(words, length: rng.int(in: 3...5), rng: &rng))
                }
                for text in texts where hasLetters(text, scanner: scanner) {
                    out.append(LabeledText(language: language, text: text))
                }
            }
        }
        return out
    }

    static func hasLetters(_ text: String, scanner: FeatureScanner) -> Bool {
        var sink = NullSink()
        return scanner.scan(text, into: &sink).dominant != nil
    }
}
