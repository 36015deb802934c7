internal import CParleyICU

/// Locale identifiers as the system ICU understands them (CLDR data): canonical forms, likely
/// subtags, display names and script direction. Identifiers are in ICU's underscore form
/// (`zh_Hant_TW`); ``LanguageRegistry`` builds on these to map any tag onto a variety.
enum ICULocale {
    /// The UTS #35 canonical form: `fra` → `fr`, `pes` → `fa`, `iw` → `he`, `prs` → `fa_AF`.
    static func canonical(_ identifier: String) -> String? {
        text { parley_locale_canonical(identifier, $0, $1) }
    }

    /// The identifier with CLDR's likely subtags added: `zh_TW` → `zh_Hant_TW`. `nil` when CLDR
    /// knows nothing likely for the language (`acm`).
    static func likely(_ identifier: String) -> String? {
        text { parley_locale_likely(identifier, $0, $1) }.flatMap { $0 == identifier ? nil : $0 }
    }

    /// The display name of `identifier` in `displayLocale`; `nil` where ICU has no name and
    /// would answer the code itself.
    static func displayName(_ identifier: String, in displayLocale: String) -> String? {
        guard let name = rawDisplayName(identifier, in: displayLocale) else { return nil }
        // Without data ICU falls back to the code: "acm", or "acm (Arabic)" with a script.
        let language = Self.language(of: identifier)
        return name == identifier || name == language || name.hasPrefix(language + " ") ? nil : name
    }

    /// ICU's display name as it comes, the code standing in for a name it lacks ("taq (Tifinagh)").
    static func rawDisplayName(_ identifier: String, in displayLocale: String) -> String? {
        text { parley_locale_display_name(identifier, displayLocale, $0, $1) }
    }

    /// Whether the ISO 15924 script is written right to left; `nil` for an unknown code.
    static func isRightToLeft(script: String) -> Bool? {
        let answer = parley_script_is_right_to_left(script)
        return answer < 0 ? nil : answer == 1
    }

    /// The language subtag of an ICU identifier (`zh_Hant_TW` → `zh`).
    static func language(of identifier: String) -> String {
        String(identifier.split(separator: "_", omittingEmptySubsequences: false).first ?? "")
    }

    /// The script subtag of an ICU identifier, if it has one (four letters after the language).
    static func script(of identifier: String) -> String? {
        let parts = identifier.split(separator: "_")
        guard parts.count > 1, parts[1].count == 4, parts[1].allSatisfy(\.isLetter) else { return nil }
        return String(parts[1])
    }

    /// The region subtag of an ICU identifier, if it has one (two letters or three digits).
    static func region(of identifier: String) -> String? {
        let parts: [Substring] = identifier.split(separator: "_")
        let region = parts.dropFirst().first { part in
            (part.count == 2 && part.allSatisfy(\.isLetter)) || (part.count == 3 && part.allSatisfy(\.isNumber))
        }
        return region.map(String.init)
    }

    private static func text(_ call: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 512)
        let length = buffer.withUnsafeMutableBufferPointer { room -> Int32 in
            guard let start = room.baseAddress else { return -1 }
            return call(start, Int32(room.count))
        }
        guard length >= 0 else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
