import Foundation
import Languages

/// Fits the per-script multinomial logistic regression over hashed features with averaged
/// stochastic gradient descent. Single-threaded and driven by ``SplitMix64``, so the same
/// corpus and options always give the same weights.
///
/// Every epoch draws the same number of samples per language (balanced classes); a sample is
/// a whole line (or a 6–30-word window of a long line), a 1–2-word window or a 3–5-word window.
struct LinearModelFitter {
    let options: LanguageModelTrainer.Options
    let scanner: FeatureScanner

    /// Averaged weights per bucket (8 lanes) and the lane biases.
    struct Weights {
        var table: [SIMD8<Float>]
        var biases: SIMD8<Float>
    }

    init(options: LanguageModelTrainer.Options) {
        self.options = options
        self.scanner = FeatureScanner(hashBits: options.hashBits)
    }

    func fit(_ corpus: TrainingCorpus) -> Weights {
        let size = 1 << options.hashBits
        var w = [SIMD8<Float>](repeating: SIMD8(), count: size)
        var u = [SIMD8<Float>](repeating: SIMD8(), count: size)
        var accumulated = options.adaptive ? [SIMD8<Float>](repeating: SIMD8(), count: size) : []
        var bias = SIMD8<Float>()
        var biasU = SIMD8<Float>()
        var step: Float = 1
        var rng = SplitMix64(seed: options.seed)
        var sink = CollectingSink()
        sink.buckets.reserveCapacity(4096)

        let trainable = Language.allCases.filter { ScriptGroup($0) != .arabic }
        let largest = trainable.map { corpus.train[$0]?.count ?? 0 }.max() ?? 0
        let perLanguage = min(options.samplesPerLanguage, max(1, largest * 3))
        var cursors = [Language: (order: [Int], position: Int)]()
        for language in trainable {
            var order = Array(0..<(corpus.train[language]?.count ?? 0))
            rng.shuffle(&order)
            cursors[language] = (order, 0)
        }

        for epoch in 0..<options.epochs {
            var schedule: [Language] = []
            schedule.reserveCapacity(perLanguage * trainable.count)
            for language in trainable { schedule += Array(repeating: language, count: perLanguage) }
            rng.shuffle(&schedule)
            let rate = options.learningRate / (1 + Float(epoch) * options.learningRateDecay)
            for language in schedule {
                guard let lines = corpus.train[language], var cursor = cursors[language], !lines.isEmpty else { continue }
                let line = lines[cursor.order[cursor.position]]
                cursor.position += 1
                if cursor.position == cursor.order.count { cursor.position = 0 }
                cursors[language] = cursor
                let text = sampleText(line, rng: &rng)

                sink.buckets.removeAll(keepingCapacity: true)
                let group = ScriptGroup(language)
                guard scanner.scan(text, into: &sink).dominant == group, !sink.buckets.isEmpty else { continue }
                let lane = ModelLanes.lane(of: language)
                let mask = group.laneMask

                var z = bias
                for b in sink.buckets { z += w[Int(b)] }
                let g = Self.gradient(z, mask: mask, lane: lane)
                let delta = g * rate
                let deltaU = delta * step
                if options.adaptive {
                    // AdaGrad: per-weight rates shrink with the gradient seen so far.
                    let g2 = g * g
                    for b in sink.buckets {
                        let i = Int(b)
                        accumulated[i] += g2
                        let d = delta / (accumulated[i] + 1e-2).squareRoot()
                        w[i] -= d
                        u[i] -= d * step
                    }
                } else {
                    for b in sink.buckets {
                        let i = Int(b)
                        w[i] -= delta
                        u[i] -= deltaU
                    }
                }
                bias -= delta * options.biasRate
                biasU -= deltaU * options.biasRate
                step += 1
            }
        }
        var averaged = w
        for i in averaged.indices { averaged[i] = w[i] - u[i] / step }
        return Weights(table: averaged, biases: bias - biasU / step)
    }

    /// A training text cut from `line`: whole (≤30 words) or windowed, by a random mode.
    private func sampleText(_ line: String, rng: inout SplitMix64) -> String {
        let mode = rng.int(in: 0...9)
        if mode < 4 {
            let words = TextWindows.words(line)
            if words.count <= 30 { return line }
            return TextWindows.window(words, length: rng.int(in: 6...30), rng: &rng)
        }
        let words = TextWindows.words(line)
        let length = mode < 7 ? rng.int(in: 1...2) : rng.int(in: 3...5)
        return TextWindows.window(words, length: length, rng: &rng)
    }

    /// Softmax over the masked lanes minus the one-hot label (zero outside the mask).
    @inline(__always)
    static func gradient(_ z: SIMD8<Float>, mask: SIMD8<Int32>, lane: Int) -> SIMD8<Float> {
        var peak = -Float.infinity
        for k in 0..<8 where mask[k] != 0 { peak = max(peak, z[k]) }
        var p = SIMD8<Float>()
        var total: Float = 0
        for k in 0..<8 where mask[k] != 0 {
            p[k] = Float(exp(Double(z[k] - peak)))
            total += p[k]
        }
        p /= total
        p[lane] -= 1
        return p
    }
}
