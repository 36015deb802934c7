/// Prints benchmark results as an aligned text table.
struct BenchmarkTable {
    var title: String
    var rows: [(String, String)] = []

    init(_ title: String) {
        self.title = title
    }

    mutating func add(_ label: String, _ value: String) {
        rows.append((label, value))
    }

    var text: String {
        let width = rows.map(\.0.count).max() ?? 0
        var lines = ["", "== \(title) =="]
        for (label, value) in rows {
            lines.append(label + String(repeating: " ", count: width - label.count) + "  " + value)
        }
        return lines.joined(separator: "\n")
    }
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
