import Synchronization

/// The routes Parley registered, kept to tell a wrong method (405 with `Allow`) from an
/// unknown path (404), and to check the OpenAPI document against what really exists.
public final class RouteTable: Sendable {
    /// One registered route: method and path pattern (`/locales/{lng}/{ns}`).
    public struct Route: Sendable, Hashable {
        public var method: String
        public var path: String
    }

    private let routes = Mutex<[Route]>([])

    public init() {}

    func removeAll() {
        routes.withLock { $0.removeAll() }
    }

    func add(method: String, path: String) {
        routes.withLock { $0.append(Route(method: method, path: path)) }
    }

    /// Every registered route, in registration order.
    public var all: [Route] { routes.withLock { $0 } }

    /// The methods registered for paths matching `path`, empty when the path is unknown.
    public func methods(matching path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = routes.withLock { routes in
            routes.filter { Self.matches(pattern: $0.path, segments: segments) }.map(\.method)
        }
        var seen: Set<String> = []
        return methods.filter { seen.insert($0).inserted }
    }

    static func matches(pattern: String, segments: [Substring]) -> Bool {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        if parts.last == "**" { return segments.count >= parts.count - 1 && zip(parts.dropLast(), segments).allSatisfy(segmentMatches) }
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy(segmentMatches)
    }

    private static func segmentMatches(_ part: Substring, _ segment: Substring) -> Bool {
        if part == "*" || part.hasPrefix(":") || part.hasPrefix("{") { return true }
        if let brace = part.firstIndex(of: "{") {
            // "{ns}.json"-style: literal suffix after a parameter, or literal prefix before one.
            let prefix = part[..<brace]
            let suffix = part[part.index(after: part.firstIndex(of: "}") ?? brace)...]
            return segment.hasPrefix(prefix) && segment.hasSuffix(suffix)
        }
        return part == segment
    }
}
