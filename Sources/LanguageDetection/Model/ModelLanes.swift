import Languages

/// Weights live in eight lanes, one per language, in `Language.allCases` order.
enum ModelLanes {
    static let count = 8
    static let languages: [Language] = Language.allCases

    static func lane(of language: Language) -> Int {
        switch language {
        case .english: 0
        case .spanish: 1
        case .russian: 2
        case .arabic: 3
        case .ukrainian: 4
        case .irish: 5
        case .swahili: 6
        case .hausa: 7
        }
    }
}
