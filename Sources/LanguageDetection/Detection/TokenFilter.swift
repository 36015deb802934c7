/// Recognises tokens that say nothing about the language: URLs, bare domains, e-mail
/// addresses, @handles (atproto handles like `@alice.bsky.social` included) and #hashtags.
enum TokenFilter {
    /// Top-level domains common enough in chat to treat a bare `word.tld` as a link. Country
    /// codes that are also everyday words (`me`, `to`, `in`, `es`, `sa`, …) are left out: those
    /// count only with a path (`t.co/x`) or a `www.` prefix.
    static let topLevelDomains: Set<String> = [
        "com", "net", "org", "io", "app", "dev", "social", "info", "biz", "gov", "edu", "xyz", "site",
        "online", "news", "blog", "html", "htm", "php", "bsky", "onion", "link", "page", "club", "tech",
        "ly", "gl", "gd", "tv", "fm", "ai", "uk", "ie", "ke", "tz", "ug", "ng", "ru", "ua", "eg", "dz",
        "ae", "fr", "nl", "eu", "ca", "au", "jp", "cn", "br", "mx", "gh", "cl", "pe", "ve", "kz", "su",
        "rw", "za",
    ]

    /// Whether the token `bytes[start..<end]` is to be ignored when scoring.
    static func isIgnorable(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let first = bytes[start]
        if first == UInt8(ascii: "@") || first == UInt8(ascii: "#") { return true }
        // Full-width ＃ and ＠ (EF BC 83 / EF BC A0).
        if first == 0xEF, end - start >= 3, bytes[start + 1] == 0xBC,
           bytes[start + 2] == 0x83 || bytes[start + 2] == 0xA0 { return true }
        var dot = false
        var ascii = true
        var i = start
        while i < end {
            let b = bytes[i]
            if b >= 0x80 { ascii = false }
            if b == UInt8(ascii: "@") && i > start { return true }  // e-mail, "(@handle"
            if b == UInt8(ascii: ":"), i + 2 < end, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") {
                return true
            }
            if b == UInt8(ascii: "."), i + 1 < end, isHostByte(bytes[i + 1]) { dot = true }
            i += 1
        }
        guard dot, ascii else { return false }
        return looksLikeDomain(bytes, from: start, to: end)
    }

    /// `www.…`, or `label.label…tld` optionally followed by a path, with a known TLD.
    private static func looksLikeDomain(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var s = start
        var e = end
        while s < e, !isHostByte(bytes[s]) { s += 1 }
        while e > s, !isHostByte(bytes[e - 1]) && bytes[e - 1] != UInt8(ascii: "/") { e -= 1 }
        guard e - s >= 4 else { return false }
        let lowered = bytes[s..<e].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if lowered.starts(with: Array("www.".utf8)) { return true }
        let host = lowered.prefix { $0 != UInt8(ascii: "/") }
        let hasPath = host.count < lowered.count
        let labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isHostByte) }),
              let last = labels.last
        else { return false }
        if hasPath { return (2...12).contains(last.count) && last.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        return topLevelDomains.contains(String(decoding: last, as: UTF8.self))
    }

    @inline(__always)
    private static func isHostByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }
}
