/// Who is waiting for a translation, which decides who goes first when a backend is busy.
///
/// `interactive` (a person clicked Translate) never waits behind the other two: it goes first
/// in every queue, and when a backend allows more than one call at a time, one slot is kept
/// for it. `bulk` (auto-translation of room messages) goes before `background` (catalog
/// pre-translation).
public enum PriorityLane: String, Sendable, Codable, CaseIterable, Comparable {
    case interactive
    case bulk
    case background

    public static func < (lhs: PriorityLane, rhs: PriorityLane) -> Bool {
        lhs.rank < rhs.rank
    }

    var rank: Int {
        switch self {
        case .interactive: 0
        case .bulk: 1
        case .background: 2
        }
    }
}
