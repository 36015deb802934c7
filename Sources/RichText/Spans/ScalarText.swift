/// A text as Unicode scalars with their UTF-8 byte offsets, for the span detectors.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the byte offset of `scalars[i]`; `offsets[scalars.count]` is the byte count.
    let offsets: [Int]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    func byteRange(_ range: Range<Int>) -> Range<Int> {
        offsets[range.lowerBound]..<offsets[range.upperBound]
    }

    /// Whether the scalars from `index` spell `word` (ASCII, case-insensitive).
    func matches(_ word: String, at index: Int) -> Bool {
        var i = index
        for expected in word.unicodeScalars {
            guard i < count, scalars[i].asciiLowercased == expected else { return false }
            i += 1
        }
        return true
    }

    /// Whether the scalar at `index` is a letter, digit, mark or underscore (`false` out of range).
    func isWordScalar(_ index: Int) -> Bool {
        guard index >= 0, index < count else { return false }
        return scalars[index].isWordScalar
    }
}

extension Unicode.Scalar {
    var isWordScalar: Bool {
        let properties = self.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark || self == "_"
    }

    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }

    var asciiLowercased: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32) ?? self : self
    }
}
