import Foundation

/// Fits the temperature curve T(n) = a + b·ln(1 + n) per script group by minimising the
/// negative log-likelihood of the true language on the dev split (n = feature count).
enum CalibrationFitter {
    /// One dev sample as the model saw it: its group's raw logits and the true language's index.
    struct Observation {
        var logits: [Float]
        var truth: Int
        var features: Int
    }

    static func fit(_ observations: [Observation]) -> LanguageModel.Calibration {
        guard !observations.isEmpty else { return LanguageModel.Calibration(a: 1, b: 0) }
        var best = LanguageModel.Calibration(a: 1, b: 0)
        var bestLoss = loss(observations, best)
        // Coarse grid, then coordinate refinement.
        for a in stride(from: Float(0.25), through: 6, by: 0.25) {
            for b in stride(from: Float(-0.6), through: 0.6, by: 0.1) {
                let c = LanguageModel.Calibration(a: a, b: b)
                let l = loss(observations, c)
                if l < bestLoss { (best, bestLoss) = (c, l) }
            }
        }
        var stepA: Float = 0.125
        var stepB: Float = 0.05
        for _ in 0..<12 {
            for (da, db) in [(stepA, Float(0)), (-stepA, 0), (0, stepB), (0, -stepB)] {
                let c = LanguageModel.Calibration(a: best.a + da, b: best.b + db)
                let l = loss(observations, c)
                if l < bestLoss { (best, bestLoss) = (c, l) }
            }
            stepA /= 2
            stepB /= 2
        }
        return best
    }

    static func loss(_ observations: [Observation], _ c: LanguageModel.Calibration) -> Double {
        var total = 0.0
        for o in observations {
            let t = c.temperature(features: o.features)
            let peak = o.logits.max() ?? 0
            var sum = 0.0
            for z in o.logits { sum += exp(Double((z - peak) / t)) }
            total -= Double((o.logits[o.truth] - peak) / t) - log(sum)
        }
        return total / Double(observations.count)
    }
}
