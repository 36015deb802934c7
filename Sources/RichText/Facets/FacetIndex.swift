/// A facet's byte range: UTF-8 byte offsets into the text, start inclusive, end exclusive.
public struct FacetIndex: Sendable, Hashable, Codable {
    public var byteStart: Int
    public var byteEnd: Int

    public init(byteStart: Int, byteEnd: Int) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
    }

    /// The same range as a Swift range (only meaningful when start ≤ end).
    public var range: Range<Int> {
        byteStart..<max(byteStart, byteEnd)
    }
}
