internal import CParleyICU

/// Versions of the system ICU Parley is linked against (shown by `parley languages`).
public enum ICUInfo {
    /// The ICU library version, e.g. `"72.1"`.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        parley_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The CLDR version of ICU's locale data, e.g. `"42.0"`.
    public static var cldrVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        parley_icu_cldr_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
