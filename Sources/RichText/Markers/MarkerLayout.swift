/// The one string sent for translation: the source with each protected region replaced by a
/// placeholder and each formatting span wrapped in a marker pair, and what each marker stands for.
struct MarkerLayout: Sendable {
    enum Token: Sendable, Hashable {
        case text(Range<Int>)
        case placeholder(id: Int)
        case open(id: Int)
        case close(id: Int)
    }

    /// What a marker id stands for.
    enum Target: Sendable, Hashable {
        /// A protected region, replaced by one placeholder.
        case region(Int)
        /// One piece of a formatting span (a span crossing another is cut into pieces).
        case format(Int)
        /// A paired markup tag: the regions of the opening and the closing tag.
        case tagPair(open: Int, close: Int)
    }

    let style: MarkerStyle
    let tokens: [Token]
    let targets: [Int: Target]
    /// The string to send, without the source's leading and trailing white space.
    let text: String
    let leading: [UInt8]
    let trailing: [UInt8]

    var hasMarkers: Bool { !targets.isEmpty }

    init(plan: ProtectionPlan, style: MarkerStyle) {
        self.style = style
        var tokens: [Token] = []
        var targets: [Int: Target] = [:]
        var nextID = 0
        func newID(_ target: Target) -> Int {
            defer { nextID += 1 }
            targets[nextID] = target
            return nextID
        }
        let formats = plan.formats
        let regionAt = Dictionary(plan.regions.indices.map { (plan.regions[$0].range.lowerBound, $0) }, uniquingKeysWith: { a, _ in a })
        var stops = Set([plan.bytes.count])
        for format in formats { stops.insert(format.range.lowerBound); stops.insert(format.range.upperBound) }
        for region in plan.regions { stops.insert(region.range.lowerBound); stops.insert(region.range.upperBound) }
        let sortedStops = stops.sorted()

        var stack: [(id: Int, format: Int)] = []
        var position = 0
        while true {
            // Close what ends here, reopening spans that were only cut by the closing.
            let ending = Set(formats.indices.filter { formats[$0].range.upperBound == position })
            if stack.contains(where: { ending.contains($0.format) }) {
                var reopen: [Int] = []
                while stack.contains(where: { ending.contains($0.format) }), let top = stack.popLast() {
                    tokens.append(.close(id: top.id))
                    if !ending.contains(top.format) { reopen.append(top.format) }
                }
                for format in reopen.reversed() {
                    let id = newID(.format(formats[format].facet))
                    stack.append((id, format))
                    tokens.append(.open(id: id))
                }
            }
            // Open what starts here, longest first.
            let starting = formats.indices
                .filter { formats[$0].range.lowerBound == position }
                .sorted { (-formats[$0].range.upperBound, $0) < (-formats[$1].range.upperBound, $1) }
            for format in starting {
                let id = newID(.format(formats[format].facet))
                stack.append((id, format))
                tokens.append(.open(id: id))
            }
            if position >= plan.bytes.count { break }
            if let region = regionAt[position] {
                let info = plan.regions[region]
                if let partner = info.partner {
                    if info.opensPair {
                        tokens.append(.open(id: newID(.tagPair(open: region, close: partner))))
                    } else if let id = targets.first(where: { $0.value == .tagPair(open: partner, close: region) })?.key {
                        tokens.append(.close(id: id))
                    }
                } else {
                    tokens.append(.placeholder(id: newID(.region(region))))
                }
                position = info.range.upperBound
            } else {
                let next = sortedStops.first { $0 > position } ?? plan.bytes.count
                tokens.append(.text(position..<next))
                position = next
            }
        }
        self.tokens = tokens
        self.targets = targets

        var rendered = ""
        for token in tokens {
            switch token {
            case .text(let range): rendered += UTF8Bytes.string(plan.bytes, range)
            case .placeholder(let id): rendered += style.placeholder(id)
            case .open(let id): rendered += style.open(id)
            case .close(let id): rendered += style.close(id)
            }
        }
        let lead = UTF8Bytes.leadingWhitespace(rendered[...])
        let trail = lead == rendered.utf8.count ? 0 : UTF8Bytes.trailingWhitespace(rendered[...])
        let renderedBytes = Array(rendered.utf8)
        leading = Array(renderedBytes[0..<lead])
        trailing = Array(renderedBytes[(renderedBytes.count - trail)...])
        text = UTF8Bytes.string(renderedBytes, lead..<(renderedBytes.count - trail))
    }

    /// The source text the markers leave (to check that the style does not clash with it).
    func sourceText(_ plan: ProtectionPlan) -> String {
        tokens.map { if case .text(let range) = $0 { UTF8Bytes.string(plan.bytes, range) } else { " " } }.joined()
    }
}
