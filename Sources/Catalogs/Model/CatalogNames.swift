import Languages

/// What names may appear in a catalog: languages, namespaces (file names) and keys.
public enum CatalogNames {
    /// A namespace is a file name: ASCII letters, digits, `-` and `_`, starting with a letter or
    /// digit, at most 64 characters — so `../x`, `a/b` and `.hidden` are refused.
    public static func validateNamespace(_ name: String) throws(CatalogError) {
        guard !name.isEmpty, name.utf8.count <= 64 else {
            throw .invalidName(kind: "namespace", name: name, reason: "must be 1–64 characters")
        }
        guard let first = name.unicodeScalars.first, first.isASCIIAlphanumeric,
              name.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" })
        else {
            throw .invalidName(kind: "namespace", name: name, reason: "only ASCII letters, digits, '-' and '_' are allowed (no paths)")
        }
    }

    /// Whether `name` is a valid namespace.
    public static func isValidNamespace(_ name: String) -> Bool {
        (try? validateNamespace(name)) != nil
    }

    /// A translation language directory: exactly one of the eight codes, lower case.
    public static func language(directory name: String) throws(CatalogError) -> Language {
        guard let language = Language(rawValue: name) else {
            throw .invalidName(kind: "language", name: name, reason: "not one of \(Language.supportedCodes.joined(separator: " "))")
        }
        return language
    }

    /// One segment of a key path: not empty, no `.` (the key separator), no control characters.
    public static func validateKeySegment(_ segment: String) throws(CatalogError) {
        guard !segment.isEmpty else { throw .invalidName(kind: "key", name: segment, reason: "empty key") }
        guard !segment.contains(".") else { throw .invalidName(kind: "key", name: segment, reason: "'.' is the key separator") }
        guard !segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .invalidName(kind: "key", name: segment, reason: "control character in a key")
        }
    }

    /// A dotted key path.
    public static func validateKey(_ key: String) throws(CatalogError) {
        for segment in key.split(separator: ".", omittingEmptySubsequences: false) { try validateKeySegment(String(segment)) }
    }

    /// `("count", .one)` for `count_one`.
    public static func pluralSuffix(_ key: String) -> (base: String, category: PluralCategory)? {
        guard let underscore = key.lastIndex(of: "_") else { return nil }
        let base = String(key[..<underscore])
        guard !base.isEmpty, let category = PluralCategory(rawValue: String(key[key.index(after: underscore)...])) else { return nil }
        return (base, category)
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
