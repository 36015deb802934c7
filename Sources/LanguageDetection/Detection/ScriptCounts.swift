/// Letter counts per script for one text, gathered while scanning it.
struct ScriptCounts: Sendable, Equatable {
    var latin = 0
    var cyrillic = 0
    var arabic = 0
    /// Letters of any other script (Greek, Han, Devanagari, …): none of the eight languages.
    var other = 0

    /// The script with most letters, or nil when the text has no letters of the three scripts
    /// or is mostly written in some other script.
    var dominant: ScriptGroup? {
        let best = max(latin, cyrillic, arabic)
        guard best > 0, other <= best else { return nil }
        if arabic == best { return .arabic }
        if cyrillic == best { return .cyrillic }
        return .latin
    }
}
