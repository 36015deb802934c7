import Hashing
import Foundation

/// The `X-Parley-Signature` header of a webhook delivery: `t=<unix seconds>,v1=<hex
/// HMAC-SHA256(secret, "<t>.<body>")>`, the body being the exact bytes sent.
///
/// Receivers verify with ``verify(header:secret:body:now:tolerance:)``: recompute the HMAC over
/// `t`, a dot and the raw body, compare in constant time, and refuse old timestamps (replays).
///
/// ```swift
/// WebhookSignature.sign(secret: "whsec_parley_test", timestamp: 1_700_000_000,
///                       body: Array(#"{"event":"catalog.changed","lang":"ar","namespace":"chat"}"#.utf8))
/// // a6650e6a70b3afe95592221cad62d6d3ee40b85de0b8cfaa90ef720f6f8cf83c
/// ```
public enum WebhookSignature {
    /// The header's name.
    public static let headerName = "X-Parley-Signature"

    /// The hex HMAC-SHA256 of `"<timestamp>.<body>"` under `secret`.
    public static func sign(secret: String, timestamp: Int, body: [UInt8]) -> String {
        Digest.hmacSHA256Hex(key: Array(secret.utf8), message: Array("\(timestamp).".utf8) + body)
    }

    /// The header value: `t=<timestamp>,v1=<signature>`.
    public static func header(secret: String, timestamp: Int, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(sign(secret: secret, timestamp: timestamp, body: body))"
    }

    /// Whether `header` is a valid signature of `body` under `secret`, made at most
    /// `tolerance` seconds from `now`.
    public static func verify(header: String, secret: String, body: [UInt8], now: Date = Date(), tolerance: TimeInterval = 300) -> Bool {
        var timestamp: Int?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int(pair[1]) } else if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = sign(secret: secret, timestamp: timestamp, body: body)
        return signatures.contains { Digest.constantTimeEquals($0, expected) }
    }
}
