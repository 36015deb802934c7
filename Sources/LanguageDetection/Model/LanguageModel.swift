import Foundation
import Languages

/// The trained detector parameters and their binary file format (little-endian):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `PLANGID\0` |
/// | 8 | 4 | format version (1) |
/// | 12 | 4 | hash bits *b* (table has 2^b buckets) |
/// | 16 | 4 | lane count (8) |
/// | 20 | 32 | lane language codes, 4 ASCII bytes each, zero-padded |
/// | 52 | 4 | Float32 weight scale (weight = Int16 / scale) |
/// | 56 | 32 | 8 × Float32 lane biases |
/// | 88 | 16 | calibration: (a, b) Float32 for Latin, then for Cyrillic |
/// | 104 | 8 | Float32 reliable threshold, Float32 reliable margin |
/// | 112 | 16 | reserved (zero) |
/// | 128 | 2^b × 16 | Int16 weights, 8 lanes per bucket |
/// | end − 8 | 8 | checksum of everything before it |
struct LanguageModel: Sendable {
    static let magic: [UInt8] = Array("PLANGID\0".utf8)
    static let version: UInt32 = 1
    static let headerSize = 128

    var hashBits: Int
    /// Weights, one SIMD8 per bucket, lanes in ``ModelLanes`` order.
    var table: [SIMD8<Int16>]
    var weightScale: Float
    var biases: SIMD8<Float>
    /// Temperature T(n) = a + b·ln(1 + n) per script group (n = number of features).
    var calibration: [ScriptGroup: Calibration]
    var reliableThreshold: Float
    var reliableMargin: Float

    /// A calibration curve: logits are divided by `a + b·ln(1 + features)`.
    struct Calibration: Sendable, Equatable {
        var a: Float
        var b: Float

        @inline(__always)
        func temperature(features: Int) -> Float {
            max(0.05, a + b * Float(log(1.0 + Double(features))))
        }
    }

    /// Serialises the model, checksum included.
    func serialized() -> Data {
        var out = ByteWriter()
        out.bytes(Self.magic)
        out.u32(Self.version)
        out.u32(UInt32(hashBits))
        out.u32(UInt32(ModelLanes.count))
        for language in ModelLanes.languages {
            var code = Array(language.code.utf8.prefix(4))
            code += Array(repeating: 0, count: 4 - code.count)
            out.bytes(code)
        }
        out.f32(weightScale)
        for lane in 0..<ModelLanes.count { out.f32(biases[lane]) }
        for group in [ScriptGroup.latin, .cyrillic] {
            let c = calibration[group] ?? Calibration(a: 1, b: 0)
            out.f32(c.a)
            out.f32(c.b)
        }
        out.f32(reliableThreshold)
        out.f32(reliableMargin)
        out.bytes(Array(repeating: 0, count: Self.headerSize - out.data.count))
        out.data.reserveCapacity(Self.headerSize + table.count * 16 + 8)
        #if _endian(little)
        table.withUnsafeBytes { out.data.append(contentsOf: $0) }
        #else
        for bucket in table {
            for lane in 0..<ModelLanes.count { out.u16(UInt16(bitPattern: bucket[lane])) }
        }
        #endif
        let sum = Checksum.of(out.data)
        out.u64(sum)
        return Data(out.data)
    }

    /// Parses and validates a serialised model.
    init(data: Data) throws(LanguageModelError) {
        let bytes = [UInt8](data)
        guard bytes.count >= Self.headerSize + 8 else { throw .truncated(size: bytes.count) }
        guard Array(bytes[0..<8]) == Self.magic else { throw .badMagic }
        var r = ByteReader(bytes: bytes, offset: 8)
        let version = r.u32()
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let bits = Int(r.u32())
        guard (8...24).contains(bits) else { throw .malformedHeader("hash bits \(bits)") }
        let lanes = Int(r.u32())
        guard lanes == ModelLanes.count else { throw .malformedHeader("lane count \(lanes)") }
        let expected = Self.headerSize + (1 << bits) * lanes * 2 + 8
        guard bytes.count == expected else { throw .sizeMismatch(expected: expected, actual: bytes.count) }
        let stored = bytes.withUnsafeBufferPointer { ByteReader.u64(at: expected - 8, in: $0) }
        guard Checksum.of(bytes[0..<(expected - 8)]) == stored else { throw .checksumMismatch }
        // Lane order: the file names its languages; map each file lane to our lane.
        var laneMap = [Int](repeating: 0, count: lanes)
        for fileLane in 0..<lanes {
            let code = String(decoding: r.take(4).prefix { $0 != 0 }, as: UTF8.self)
            guard let language = Language(rawValue: code) else { throw .malformedHeader("unknown language '\(code)'") }
            laneMap[fileLane] = ModelLanes.lane(of: language)
        }
        guard Set(laneMap).count == lanes else { throw .malformedHeader("duplicate languages") }
        weightScale = r.f32()
        guard weightScale.isFinite, weightScale > 0 else { throw .malformedHeader("weight scale") }
        var b = SIMD8<Float>(repeating: 0)
        for fileLane in 0..<lanes { b[laneMap[fileLane]] = r.f32() }
        biases = b
        calibration = [
            .latin: Calibration(a: r.f32(), b: r.f32()),
            .cyrillic: Calibration(a: r.f32(), b: r.f32()),
        ]
        reliableThreshold = r.f32()
        reliableMargin = r.f32()
        hashBits = bits
        let identity = laneMap == Array(0..<lanes)
        var weights = [SIMD8<Int16>](repeating: SIMD8(), count: 1 << bits)
        bytes.withUnsafeBytes { raw in
            weights.withUnsafeMutableBytes { target in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[Self.headerSize..<(expected - 8)]))
            }
        }
        #if _endian(big)
        for i in weights.indices { weights[i] = SIMD8(weights[i].indices.map { Int16(littleEndian: weights[i][$0]) }) }
        #endif
        if !identity {
            for i in weights.indices {
                var v = SIMD8<Int16>()
                for fileLane in 0..<lanes { v[laneMap[fileLane]] = weights[i][fileLane] }
                weights[i] = v
            }
        }
        table = weights
    }

    init(
        hashBits: Int, table: [SIMD8<Int16>], weightScale: Float, biases: SIMD8<Float>,
        calibration: [ScriptGroup: Calibration], reliableThreshold: Float, reliableMargin: Float
    ) {
        self.hashBits = hashBits
        self.table = table
        self.weightScale = weightScale
        self.biases = biases
        self.calibration = calibration
        self.reliableThreshold = reliableThreshold
        self.reliableMargin = reliableMargin
    }
}
