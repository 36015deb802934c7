import Languages

/// The writing systems the eight languages use, and which languages compete inside each.
///
/// Detection first decides the script by counting letters, then lets only that script's
/// languages compete: Arabic script means Arabic at once, Cyrillic is Russian or Ukrainian,
/// Latin is English, Spanish, Irish, Swahili or Hausa.
enum ScriptGroup: Int, Sendable, CaseIterable {
    case latin = 0
    case cyrillic = 1
    case arabic = 2

    /// The languages written in this script here.
    var languages: [Language] {
        switch self {
        case .latin: Self.latinLanguages
        case .cyrillic: Self.cyrillicLanguages
        case .arabic: Self.arabicLanguages
        }
    }

    private static let latinLanguages: [Language] = [.english, .spanish, .irish, .swahili, .hausa]
    private static let cyrillicLanguages: [Language] = [.russian, .ukrainian]
    private static let arabicLanguages: [Language] = [.arabic]

    /// The script group a language belongs to.
    init(_ language: Language) {
        switch language {
        case .russian, .ukrainian: self = .cyrillic
        case .arabic: self = .arabic
        default: self = .latin
        }
    }

    /// A lane mask (see ``ModelLanes``) with the lanes of this group's languages set.
    var laneMask: SIMD8<Int32> {
        var mask = SIMD8<Int32>(repeating: 0)
        for language in languages { mask[ModelLanes.lane(of: language)] = 1 }
        return mask
    }
}
