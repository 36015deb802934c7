import Glossary

/// A protected run of the source: replaced by one placeholder (or one half of a marker pair,
/// for a paired markup tag) and restored as ``output``.
struct PlanRegion: Sendable, Hashable {
    var range: Range<Int>
    var output: [UInt8]
    var kind: SpanKind
    /// For a paired tag: the other tag's region, and whether this one opens the pair.
    var partner: Int?
    var opensPair = false
}

/// A facet that lies inside a protected region and moves with it: protected facets, and
/// formatting facets wholly inside protected text.
struct AnchoredFacet: Sendable, Hashable {
    var facet: Int
    var region: Int
    var relative: Range<Int>
}

/// A formatting facet's range, widened to whole protected regions where it cut into one.
struct FormatSpan: Sendable, Hashable {
    var facet: Int
    var range: Range<Int>
}

/// The source cut into protected regions and translatable gaps, with every facet placed.
struct ProtectionPlan: Sendable {
    let input: FacetedText
    let bytes: [UInt8]
    let regions: [PlanRegion]
    let anchored: [AnchoredFacet]
    let formats: [FormatSpan]

    init(_ input: FacetedText, glossary: [GlossaryRule], options: RichTextOptions) {
        self.input = input
        let bytes = Array(input.text.utf8)
        self.bytes = bytes
        let isProtected = input.facets.map { facet in
            facet.features.contains { feature in
                guard let kind = feature.kind else { return false }
                return kind.isProtected || (kind == .unknown && options.unknownFeatures == .protect)
            }
        }

        // Protected facets, overlapping ones merged.
        var clusters: [Range<Int>] = []
        for range in zip(input.facets, isProtected).filter(\.1).map(\.0.index.range).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = clusters.last, range.lowerBound < last.upperBound {
                clusters[clusters.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                clusters.append(range)
            }
        }

        // Formatting facets: inside a cluster, or snapped out to whole clusters.
        var insideCluster: [Int] = []
        var formats: [FormatSpan] = []
        for (number, facet) in input.facets.enumerated() where !isProtected[number] {
            let range = facet.index.range
            if clusters.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                insideCluster.append(number)
                continue
            }
            var start = range.lowerBound, end = range.upperBound
            for cluster in clusters {
                if cluster.lowerBound < start, start < cluster.upperBound { start = cluster.lowerBound }
                if cluster.lowerBound < end, end < cluster.upperBound { end = cluster.upperBound }
            }
            formats.append(FormatSpan(facet: number, range: start..<end))
        }
        self.formats = formats
        let boundaries = Set(formats.flatMap { [$0.range.lowerBound, $0.range.upperBound] })

        // Detected spans and glossary terms in the rest: earliest first, then longest.
        let candidates = (SpanDetector(detection: options.detection).spans(in: input.text)
            + ExactTermMatcher(glossary).occurrences(in: input.text).map(DetectedSpan.init))
            .filter { span in
                !span.range.isEmpty
                    && !clusters.contains(where: { $0.overlaps(span.range) })
                    && !boundaries.contains(where: { span.range.lowerBound < $0 && $0 < span.range.upperBound })
            }
            .sorted { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        var accepted: [DetectedSpan] = []
        for candidate in candidates where accepted.last.map({ $0.range.upperBound <= candidate.range.lowerBound }) ?? true {
            accepted.append(candidate)
        }

        var regions = clusters.map { PlanRegion(range: $0, output: Array(bytes[$0]), kind: .facet) }
        regions += accepted.map { PlanRegion(range: $0.range, output: $0.replacement ?? Array(bytes[$0.range]), kind: $0.kind) }
        regions.sort { $0.range.lowerBound < $1.range.lowerBound }
        regions = Self.merged(regions, bytes: bytes, boundaries: boundaries)
        if formats.isEmpty { Self.pairTags(&regions, bytes: bytes) }
        self.regions = regions

        var anchored: [AnchoredFacet] = []
        for number in input.facets.indices where isProtected[number] || insideCluster.contains(number) {
            let range = input.facets[number].index.range
            guard let region = regions.firstIndex(where: { $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound }) else { continue }
            let base = regions[region].range.lowerBound
            anchored.append(AnchoredFacet(facet: number, region: region, relative: (range.lowerBound - base)..<(range.upperBound - base)))
        }
        self.anchored = anchored
    }

    /// Regions separated by nothing or only white space become one placeholder, unless a
    /// formatting boundary lies between them or one of them is rewritten (a forced term).
    private static func merged(_ regions: [PlanRegion], bytes: [UInt8], boundaries: Set<Int>) -> [PlanRegion] {
        var result: [PlanRegion] = []
        for region in regions {
            if var last = result.last,
               last.output == Array(bytes[last.range]), region.output == Array(bytes[region.range]),
               last.kind != .markupTag, region.kind != .markupTag,
               bytes[last.range.upperBound..<region.range.lowerBound].allSatisfy(UTF8Bytes.isASCIIWhitespace),
               !boundaries.contains(where: { last.range.upperBound <= $0 && $0 <= region.range.lowerBound }) {
                last.range = last.range.lowerBound..<region.range.upperBound
                last.output = Array(bytes[last.range])
                result[result.count - 1] = last
            } else {
                result.append(region)
            }
        }
        return result
    }

    /// Pairs `<name>` with its `</name>` (properly nested) so the text between them is translated
    /// inside one pair of markers.
    private static func pairTags(_ regions: inout [PlanRegion], bytes: [UInt8]) {
        var stack: [(index: Int, name: String)] = []
        for index in regions.indices where regions[index].kind == .markupTag {
            let tag = UTF8Bytes.string(bytes, regions[index].range)
            let inner = tag.dropFirst().dropLast().trimmingCharacters(" \t")
            if inner.hasSuffix("/") { continue }
            if inner.hasPrefix("/") {
                let name = String(inner.dropFirst()).trimmingCharacters(" \t")
                if let top = stack.last, top.name == name {
                    stack.removeLast()
                    regions[top.index].partner = index
                    regions[top.index].opensPair = true
                    regions[index].partner = top.index
                }
            } else {
                stack.append((index, inner))
            }
        }
    }

    /// The stretches between regions: `(range, translatable core)`; the core is the range
    /// without its edge white space, `nil` when it has no letter.
    var gaps: [(range: Range<Int>, core: Range<Int>?)] {
        var result: [(Range<Int>, Range<Int>?)] = []
        var cursor = 0
        for region in regions + [PlanRegion(range: bytes.count..<bytes.count, output: [], kind: .facet)] {
            let range = cursor..<region.range.lowerBound
            if !range.isEmpty {
                let core = UTF8Bytes.trimmed(range, in: bytes)
                result.append((range, UTF8Bytes.hasLetter(UTF8Bytes.string(bytes, core)) ? core : nil))
            }
            cursor = region.range.upperBound
        }
        return result
    }
}

extension StringProtocol {
    func trimmingCharacters(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
