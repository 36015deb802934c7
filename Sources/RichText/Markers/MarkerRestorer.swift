/// Reads a translation of a ``MarkerLayout``'s string back into text and facets, refusing
/// any output in which a marker was lost, duplicated, mangled or unbalanced.
struct MarkerRestorer: Sendable {
    let plan: ProtectionPlan
    let layout: MarkerLayout

    private enum Piece {
        case text(String)
        case placeholder(region: Int)
        case open(id: Int)
        case close(id: Int)
    }

    func restore(_ output: String) throws(MarkerError) -> RichTextTranslation {
        let tokenizer = MarkerTokenizer(style: layout.style)
        let pieces = try resolve(tokenizer.pieces(output))
        let outputText = pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined()
        if tokenizer.syntaxCount(outputText) > tokenizer.syntaxCount(layout.sourceText(plan)) { throw .corruptedMarker }
        try checkBalance(pieces)
        if !outputText.contains(where: { !$0.isWhitespace }) { throw .emptyTranslation }

        var bytes = layout.leading
        var regionStart: [Int: Int] = [:]
        var opened: [Int: Int] = [:]
        var ranges: [Int: [Range<Int>]] = [:]
        var spaceAfterRegion = false
        for (position, piece) in pieces.enumerated() {
            switch piece {
            case .text(var text):
                if position == 0 { text = String(text.drop(while: \.isWhitespace)) }
                if position == pieces.count - 1 { text = String(text.dropLast(UTF8Bytes.trailingWhitespaceCharacters(text))) }
                if spaceAfterRegion, let first = text.unicodeScalars.first, first.isWordScalar { bytes.append(0x20) }
                bytes += Array(text.utf8)
                spaceAfterRegion = false
            case .placeholder(let region):
                let info = plan.regions[region]
                if info.range.lowerBound > 0, UTF8Bytes.isASCIIWhitespace(plan.bytes[info.range.lowerBound - 1]),
                   let last = bytes.last, last < 0x80, Unicode.Scalar(last).isASCIIAlphanumeric {
                    bytes.append(0x20)
                }
                regionStart[region] = bytes.count
                bytes += info.output
                spaceAfterRegion = info.range.upperBound < plan.bytes.count && UTF8Bytes.isASCIIWhitespace(plan.bytes[info.range.upperBound])
            case .open(let id):
                if case .tagPair(let open, _) = layout.targets[id] {
                    regionStart[open] = bytes.count
                    bytes += plan.regions[open].output
                }
                opened[id] = bytes.count
                spaceAfterRegion = false
            case .close(let id):
                switch layout.targets[id] {
                case .format(let facet):
                    ranges[facet, default: []].append((opened[id] ?? bytes.count)..<bytes.count)
                case .tagPair(_, let close):
                    regionStart[close] = bytes.count
                    bytes += plan.regions[close].output
                default:
                    break
                }
                spaceAfterRegion = false
            }
        }
        bytes += layout.trailing

        var facets: [Facet] = []
        for anchor in plan.anchored {
            guard let start = regionStart[anchor.region] else { throw .missingPlaceholder(id: anchor.region) }
            facets.append(plan.input.facets[anchor.facet].moved(to: (start + anchor.relative.lowerBound)..<(start + anchor.relative.upperBound)))
        }
        for format in plan.formats {
            let placed = FormatPlacement.merge(ranges[format.facet] ?? [], in: bytes)
                .map { FormatPlacement.trim($0, in: bytes, like: format.range, source: plan.bytes) }
            guard !placed.isEmpty, placed.allSatisfy({ !$0.isEmpty }) else { throw .formattingLost(facet: format.facet) }
            facets += placed.map { plan.input.facets[format.facet].moved(to: $0) }
        }
        facets = FormatPlacement.sorted(facets)
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            try FacetValidator.validate(facets, in: text, byteLimit: nil)
        } catch {
            throw .invalidResult(error)
        }
        return RichTextTranslation(text: text, facets: facets, strategy: .markers)
    }

    /// Gives each marker its role, refusing markers that were not sent or have the wrong form.
    private func resolve(_ raw: [OutputPiece]) throws(MarkerError) -> [Piece] {
        var pieces: [Piece] = []
        for piece in raw {
            switch piece {
            case .text(let text):
                pieces.append(.text(text))
            case .marker(let marker):
                guard let target = layout.targets[marker.id] else { throw .unknownMarker(marker.text) }
                switch (target, layout.style) {
                case (.region(let region), _):
                    guard !marker.closing, marker.letter ?? "x" == "x" else { throw .unknownMarker(marker.text) }
                    pieces.append(.placeholder(region: region))
                case (.format, .xml), (.tagPair, .xml):
                    guard marker.letter == "g", !marker.selfClosing else { throw .unknownMarker(marker.text) }
                    pieces.append(marker.closing ? .close(id: marker.id) : .open(id: marker.id))
                case (.format, .brackets), (.tagPair, .brackets):
                    guard !marker.selfClosing else { throw .unknownMarker(marker.text) }
                    pieces.append(marker.closing ? .close(id: marker.id) : .open(id: marker.id))
                }
            }
        }
        return pieces
    }

    /// Every placeholder exactly once; every pair opened once, closed once, properly nested.
    private func checkBalance(_ pieces: [Piece]) throws(MarkerError) {
        var seenRegions = Set<Int>()
        var opened = Set<Int>(), closed = Set<Int>()
        var stack: [Int] = []
        for piece in pieces {
            switch piece {
            case .text:
                break
            case .placeholder(let region):
                guard seenRegions.insert(region).inserted else { throw .duplicatePlaceholder(id: id(of: region)) }
            case .open(let id):
                guard opened.insert(id).inserted else { throw .unbalancedMarker(id: id) }
                stack.append(id)
            case .close(let id):
                guard opened.contains(id), closed.insert(id).inserted else { throw .unbalancedMarker(id: id) }
                guard stack.last == id else { throw .improperNesting(id: id) }
                stack.removeLast()
            }
        }
        for (id, target) in layout.targets.sorted(by: { $0.key < $1.key }) {
            switch target {
            case .region(let region):
                if !seenRegions.contains(region) { throw .missingPlaceholder(id: id) }
            case .format, .tagPair:
                if !opened.contains(id) || !closed.contains(id) { throw .unbalancedMarker(id: id) }
            }
        }
    }

    private func id(of region: Int) -> Int {
        layout.targets.first { $0.value == .region(region) }?.key ?? region
    }
}
