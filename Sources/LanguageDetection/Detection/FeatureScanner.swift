
/// Turns a text into hashed features without allocating: character n-grams of orders 1…5 over
/// each word padded with boundary markers, one whole-word feature per word, and one feature per
/// pair of consecutive words (skipped tokens, emoji and punctuation do not break a pair).
///
/// Words are runs of letters (and in-word apostrophes) inside white-space separated tokens.
/// Tokens that are URLs, domains, e-mail addresses, @handles (including atproto handles such as
/// `@alice.bsky.social`) or #hashtags are skipped entirely; digits, punctuation, symbols and
/// emoji only separate words. Letters are lowercased with a fixed table, and Latin look-alikes
/// inside Cyrillic words are read as the Cyrillic letters they stand for.
///
/// Arabic-script letters are counted but not hashed: the script alone decides Arabic.
struct FeatureScanner: Sendable {
    /// log2 of the number of hash buckets.
    let hashBits: Int
    private let shift: UInt64

    static let maxOrder = 5
    static let boundary: UInt32 = 0x20
    private static let ngramSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let wordSeed: UInt64 = 0x84CA_FA3E_2F6D_1B55
    private static let pairSeed: UInt64 = 0x3C6E_F372_FE94_F82B

    init(hashBits: Int) {
        precondition((8...24).contains(hashBits), "hashBits out of range")
        self.hashBits = hashBits
        self.shift = UInt64(64 - hashBits)
    }

    /// Scans `text`, feeding every feature to `sink`; returns the letter counts per script.
    @inline(__always)
    func scan<Sink: FeatureSink>(_ text: String, into sink: inout Sink) -> ScriptCounts {
        var text = text
        return text.withUTF8 { scan(bytes: $0, into: &sink) }
    }

    func scan<Sink: FeatureSink>(bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) -> ScriptCounts {
        var counts = ScriptCounts()
        var previousWord: UInt64 = 0
        let n = bytes.count
        var i = 0
        while i < n {
            let (v, len) = UTF8Decoding.decode(bytes, at: i)
            if UTF8Decoding.isSpace(v) {
                i += len
                continue
            }
            var end = i + len
            while end < n {
                let (w, l) = UTF8Decoding.decode(bytes, at: end)
                if UTF8Decoding.isSpace(w) { break }
                end += l
            }
            if !TokenFilter.isIgnorable(bytes, from: i, to: end) {
                scanToken(bytes, from: i, to: end, counts: &counts, previousWord: &previousWord, sink: &sink)
            }
            i = end
        }
        return counts
    }

    @inline(__always)
    private func scanToken<Sink: FeatureSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
        counts: inout ScriptCounts, previousWord: inout UInt64, sink: inout Sink
    ) {
        var word = WordState()
        word.previous = previousWord
        defer { previousWord = word.previous }
        var j = start
        while j < end {
            let (v, len) = UTF8Decoding.decode(bytes, at: j)
            j += len
            var cls = ScalarClass.classify(v)
            if case .latin = cls, v < 0x100,
               word.lastWasCyrillic || nextIsCyrillic(bytes, at: j, end: end),
               let cyrillic = ScalarClass.cyrillicHomoglyph(ofOriginal: v) {
                cls = .cyrillic(cyrillic)
            }
            switch cls {
            case .latin(let c):
                counts.latin += 1
                push(c, cyrillic: false, word: &word, sink: &sink)
            case .cyrillic(let c):
                counts.cyrillic += 1
                push(c, cyrillic: true, word: &word, sink: &sink)
            case .apostrophe:
                if word.inWord { push(ScalarClass.apostropheCode, cyrillic: word.lastWasCyrillic, word: &word, sink: &sink) }
            case .mark:
                continue
            case .arabic:
                counts.arabic += 1
                finish(word: &word, sink: &sink)
            case .otherLetter:
                counts.other += 1
                finish(word: &word, sink: &sink)
            case .separator:
                finish(word: &word, sink: &sink)
            }
        }
        finish(word: &word, sink: &sink)
    }

    @inline(__always)
    private func nextIsCyrillic(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index < end else { return false }
        let (v, _) = UTF8Decoding.decode(bytes, at: index)
        return v >= 0x400 && v <= 0x4FF
    }

    @inline(__always)
    private func bucket(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: ((h ^ (h >> 31)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ c: UInt32) -> UInt64 {
        (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
    }

    /// Emits the n-grams ending in `c` (orders 1…5, the lone boundary excluded) and appends `c`.
    @inline(__always)
    private func push<Sink: FeatureSink>(_ c: UInt32, cyrillic: Bool, word: inout WordState, sink: inout Sink) {
        if !word.inWord { word.start() }
        var h = Self.mix(Self.ngramSeed, c)
        sink.add(bucket(h))
        emitChain(&h, word: word, sink: &sink)
        word.append(c, cyrillic: cyrillic)
    }

    @inline(__always)
    private func emitChain<Sink: FeatureSink>(_ h: inout UInt64, word: WordState, sink: inout Sink) {
        guard word.p1 != 0 else { return }
        h = Self.mix(h, word.p1)
        sink.add(bucket(h))
        guard word.p2 != 0 else { return }
        h = Self.mix(h, word.p2)
        sink.add(bucket(h))
        guard word.p3 != 0 else { return }
        h = Self.mix(h, word.p3)
        sink.add(bucket(h))
        guard word.p4 != 0 else { return }
        h = Self.mix(h, word.p4)
        sink.add(bucket(h))
    }

    /// Ends the current word: n-grams ending in the closing boundary, then the whole word.
    @inline(__always)
    private func finish<Sink: FeatureSink>(word: inout WordState, sink: inout Sink) {
        guard word.inWord else { return }
        var h = Self.mix(Self.ngramSeed, Self.boundary)
        emitChain(&h, word: word, sink: &sink)
        sink.add(bucket(word.hash ^ Self.wordSeed))
        if word.previous != 0 {
            sink.add(bucket((word.previous &* 0x9E37_79B9_7F4A_7C15 ^ word.hash) ^ Self.pairSeed))
        }
        word.previous = word.hash
        word.inWord = false
        word.lastWasCyrillic = false
    }
}

/// The last four characters of the word being scanned (0 = none), its running hash, and the
/// hash of the word before it (for the word-pair feature; 0 = none).
private struct WordState {
    var previous: UInt64 = 0
    var p1: UInt32 = 0
    var p2: UInt32 = 0
    var p3: UInt32 = 0
    var p4: UInt32 = 0
    var hash: UInt64 = 0
    var inWord = false
    var lastWasCyrillic = false

    @inline(__always)
    mutating func start() {
        p1 = FeatureScanner.boundary
        p2 = 0
        p3 = 0
        p4 = 0
        hash = 0x9AE1_6A3B_2F90_404F
        inWord = true
    }

    @inline(__always)
    mutating func append(_ c: UInt32, cyrillic: Bool) {
        p4 = p3
        p3 = p2
        p2 = p1
        p1 = c
        hash = (hash ^ UInt64(c)) &* 0x0000_0100_0000_01B3
        lastWasCyrillic = cyrillic
    }
}
