import RichText

/// The error the failing fake throws.
struct BackendDown: Error, Equatable {}

/// Fake machine translators, each misbehaving in one way with markers.
enum Fake: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Keeps markers; uppercases the text and prefixes "ES: ".
    case keep
    /// Drops the first marker (or, without markers, behaves like `keep`).
    case drop
    /// Reverses the words between markers and moves the last placeholder to the front.
    case reorder
    /// Corrupts every marker number (`<x0/>` → `<x O/>`, `[0]` → `[ O ]`).
    case corrupt
    /// Throws.
    case fail

    var description: String { rawValue }

    /// Markers of both styles (exactly as Parley writes them).
    static var marker: Regex<Substring> { /<\/?[xg][0-9]+\/?>|\[\/?[0-9]+\]/ }

    func translate(_ batch: [String]) throws -> [String] {
        try batch.map(translateOne)
    }

    func translateOne(_ text: String) throws -> String {
        switch self {
        case .keep:
            return "ES: " + Self.mapText(text) { $0.uppercased() }
        case .drop:
            guard let match = text.firstMatch(of: Self.marker) else { return try Fake.keep.translateOne(text) }
            var copy = text
            copy.removeSubrange(match.range)
            return "ES: " + Self.mapText(copy) { $0.uppercased() }
        case .reorder:
            let words = Self.mapText(text) { $0.split(separator: " ").reversed().joined(separator: " ") }
            guard let match = words.matches(of: /<x[0-9]+\/>/).last else { return "ES: " + words }
            var copy = words
            let placeholder = String(copy[match.range])
            copy.removeSubrange(match.range)
            return placeholder + " ES: " + copy
        case .corrupt:
            let replaced = text.replacing(/[0-9]+/) { _ in " O " }
            return "ES: " + replaced.uppercased()
        case .fail:
            throw BackendDown()
        }
    }

    /// `text` with `transform` applied to the stretches between markers.
    static func mapText(_ text: String, _ transform: (String) -> String) -> String {
        var result = ""
        var rest = text[...]
        while let match = rest.firstMatch(of: marker) {
            result += transform(String(rest[..<match.range.lowerBound]))
            result += rest[match.range]
            rest = rest[match.range.upperBound...]
        }
        return result + transform(String(rest))
    }
}

/// Counts calls and strings sent to a fake.
final class CallLog {
    var batches: [[String]] = []
    let fake: Fake

    init(_ fake: Fake) { self.fake = fake }

    func translate(_ batch: [String]) throws -> [String] {
        batches.append(batch)
        return try fake.translate(batch)
    }
}
