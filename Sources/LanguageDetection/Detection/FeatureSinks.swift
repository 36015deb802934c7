/// Receives the hashed feature buckets of a text, one call per feature occurrence.
protocol FeatureSink {
    mutating func add(_ bucket: Int)
}

/// Sums the Int16 weight lanes of every feature bucket (the scoring hot path). The Int32 sums
/// spill into a Float accumulator every 4096 features, so even megabyte texts cannot overflow.
struct ScoringSink: FeatureSink {
    let table: UnsafeBufferPointer<SIMD8<Int16>>
    var sum = SIMD8<Int32>(repeating: 0)
    var spilled = SIMD8<Float>(repeating: 0)
    var count = 0

    @inline(__always)
    mutating func add(_ bucket: Int) {
        sum &+= SIMD8<Int32>(truncatingIfNeeded: table[bucket])
        count += 1
        if count & 4095 == 0 {
            spilled += SIMD8<Float>(sum)
            sum = SIMD8(repeating: 0)
        }
    }

    var total: SIMD8<Float> { spilled + SIMD8<Float>(sum) }
}

/// Discards features (used when only the script counts matter).
struct NullSink: FeatureSink {
    @inline(__always) mutating func add(_ bucket: Int) {}
}

/// Collects feature buckets into a reusable array (training).
struct CollectingSink: FeatureSink {
    var buckets: [Int32] = []

    @inline(__always)
    mutating func add(_ bucket: Int) { buckets.append(Int32(truncatingIfNeeded: bucket)) }
}
