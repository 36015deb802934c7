/// A serialized catalog document as `/locales/{lng}/{ns}.json` serves it.
public struct ServedDocument: Sendable, Hashable {
    /// The JSON bytes (the byte-stable catalog format).
    public var bytes: [UInt8]
    /// Strong ETag, quoted: a digest of the bytes.
    public var etag: String
    /// The locale code served (`ar` for a request for `ar-EG`).
    public var locale: String
}
