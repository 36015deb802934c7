/// Strategy B: the segments between protected regions are translated on their own and put back
/// around the regions; formatting facets are mapped through segment edges, widened to a whole
/// segment when they started or ended inside one, and dropped (with a warning) when nothing is
/// left of them.
struct SegmentAssembler: Sendable {
    let plan: ProtectionPlan

    /// The trimmed text of every gap with letters, in order.
    var segments: [String] {
        plan.gaps.compactMap { gap in gap.core.map { UTF8Bytes.string(plan.bytes, $0) } }
    }

    private struct PlacedGap {
        var source: Range<Int>
        var core: Range<Int>?
        var outStart: Int
        var outCore: Range<Int>
    }

    func reassemble(_ translations: [String]) throws(RichTextError) -> RichTextTranslation {
        let gaps = plan.gaps
        let expected = gaps.filter { $0.core != nil }.count
        guard translations.count == expected else {
            throw .translationCountMismatch(expected: expected, received: translations.count)
        }
        var bytes: [UInt8] = []
        var placed: [PlacedGap] = []
        var regionStart: [Int: Int] = [:]
        var nextTranslation = 0
        var gapIndex = 0
        var cursor = 0
        func emitGap(upTo end: Int) throws(RichTextError) {
            guard gapIndex < gaps.count, gaps[gapIndex].range.lowerBound == cursor, cursor < end else { return }
            let gap = gaps[gapIndex]
            gapIndex += 1
            let start = bytes.count
            guard let core = gap.core else {
                bytes += plan.bytes[gap.range]
                placed.append(PlacedGap(source: gap.range, core: nil, outStart: start, outCore: start..<bytes.count))
                return
            }
            let translation = translations[nextTranslation].trimmingCharacters(in: \.isWhitespace)
            guard !translation.isEmpty else { throw .emptyTranslation(segment: nextTranslation) }
            nextTranslation += 1
            bytes += plan.bytes[gap.range.lowerBound..<core.lowerBound]
            let coreStart = bytes.count
            bytes += Array(translation.utf8)
            let coreEnd = bytes.count
            bytes += plan.bytes[core.upperBound..<gap.range.upperBound]
            placed.append(PlacedGap(source: gap.range, core: core, outStart: start, outCore: coreStart..<coreEnd))
        }
        for (index, region) in plan.regions.enumerated() {
            try emitGap(upTo: region.range.lowerBound)
            regionStart[index] = bytes.count
            bytes += region.output
            cursor = region.range.upperBound
        }
        try emitGap(upTo: plan.bytes.count)

        var facets: [Facet] = []
        var warnings: [RichTextWarning] = []
        for anchor in plan.anchored {
            guard let start = regionStart[anchor.region] else { continue }
            facets.append(plan.input.facets[anchor.facet].moved(to: (start + anchor.relative.lowerBound)..<(start + anchor.relative.upperBound)))
        }
        for format in plan.formats {
            let (start, widenedStart) = map(format.range.lowerBound, isEnd: false, placed, regionStart)
            let (end, widenedEnd) = map(format.range.upperBound, isEnd: true, placed, regionStart)
            let facet = plan.input.facets[format.facet]
            let name = facet.features.first?.type ?? "formatting"
            let range = start < end ? FormatPlacement.trim(start..<end, in: bytes, like: format.range, source: plan.bytes) : start..<start
            if range.isEmpty {
                warnings.append(RichTextWarning(code: RichTextWarning.formattingDropped,
                    message: "facets[\(format.facet)] (\(name)) could not be placed in the translation and was dropped"))
                continue
            }
            if widenedStart || widenedEnd {
                warnings.append(RichTextWarning(code: RichTextWarning.formattingWidened,
                    message: "facets[\(format.facet)] (\(name)) covered part of a sentence; it now covers the whole translated segment"))
            }
            facets.append(facet.moved(to: range))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        facets = FormatPlacement.sorted(facets)
        // A safety net: by construction every facet is valid; anything else is dropped, not emitted.
        var valid: [Facet] = []
        for facet in facets {
            do {
                try FacetValidator.validate([facet], in: text, byteLimit: nil)
                valid.append(facet)
            } catch {
                warnings.append(RichTextWarning(code: RichTextWarning.formattingDropped, message: "a facet could not be placed: \(error)"))
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        return RichTextTranslation(text: text, facets: valid, warnings: warnings, strategy: expected == 0 ? .glossaryOnly : .segments)
    }

    /// Where source offset `offset` lands in the output, and whether it had to move to a
    /// segment's edge because it was inside the segment.
    private func map(_ offset: Int, isEnd: Bool, _ gaps: [PlacedGap], _ regionStart: [Int: Int]) -> (Int, Bool) {
        for (index, region) in plan.regions.enumerated() {
            if !isEnd, region.range.lowerBound == offset, let start = regionStart[index] { return (start, false) }
            if isEnd, region.range.upperBound == offset, let start = regionStart[index] { return (start + region.output.count, false) }
        }
        guard let gap = gaps.first(where: { isEnd ? ($0.source.lowerBound < offset && offset <= $0.source.upperBound)
                                                  : ($0.source.lowerBound <= offset && offset < $0.source.upperBound) })
        else { return (0, true) }
        guard let core = gap.core else { return (gap.outStart + offset - gap.source.lowerBound, false) }
        if offset <= core.lowerBound { return (gap.outStart + offset - gap.source.lowerBound, false) }
        if offset >= core.upperBound { return (gap.outCore.upperBound + offset - core.upperBound, false) }
        return (isEnd ? gap.outCore.upperBound : gap.outCore.lowerBound, true)
    }
}

extension String {
    func trimmingCharacters(in predicate: (Character) -> Bool) -> String {
        var slice = Substring(self)
        while let first = slice.first, predicate(first) { slice.removeFirst() }
        while let last = slice.last, predicate(last) { slice.removeLast() }
        return String(slice)
    }
}
