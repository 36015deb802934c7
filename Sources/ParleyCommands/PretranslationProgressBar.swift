import CatalogWorkflow
import Foundation
import ParleyServer

/// The progress bar `parley catalog pretranslate` draws on stderr:
/// `ar [██████████░░░░░░░░░░]  180/359  50%  12.3 keys/s  ETA 15s`.
struct PretranslationProgressBar: Sendable {
    let label: String
    let width: Int
    let started: ContinuousClock.Instant

    init(label: String, width: Int = 30, started: ContinuousClock.Instant = .now) {
        self.label = label
        self.width = width
        self.started = started
    }

    /// One line for `progress` after `elapsed` seconds.
    func line(_ progress: PretranslationProgress, elapsed: Double) -> String {
        let total = max(progress.total, 0)
        let fraction = total == 0 ? 1 : Double(progress.done) / Double(total)
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = elapsed > 0 ? Double(progress.done) / elapsed : 0
        var line = "\(label) [\(bar)] \(progress.done)/\(total) \(Int((fraction * 100).rounded(.down)))%"
        line += String(format: "  %.1f keys/s", rate)
        if progress.done < total {
            line += rate > 0 ? "  ETA \(Self.duration(Double(total - progress.done) / rate))" : "  ETA --"
        } else {
            line += "  in \(Self.duration(elapsed))"
        }
        return line
    }

    /// Draws `progress` over the previous line.
    func draw(_ progress: PretranslationProgress) {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line(progress, elapsed: seconds)).utf8))
    }

    /// Ends the bar's line.
    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m" }
        if total >= 60 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total)s"
    }
}
