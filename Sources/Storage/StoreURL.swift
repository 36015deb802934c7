import Foundation
import Logging

/// Which store to open, as `store.url` (`PARLEY_STORE_URL`, `--store`) names it.
///
/// ```text
/// (nothing)                                     SQLite in the data directory: <data-dir>/parley.sqlite
/// sqlite:/var/lib/parley/parley.sqlite          SQLite, this file
/// postgres://parley:secret@db:5432/parley       PostgreSQL (postgresql:// too)
/// postgres://parley@db/parley?sslmode=require   … over TLS
/// postgres://parley@/parley?host=/run/postgresql … over the server's Unix socket
/// ```
public enum StoreURL: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresURL)

    /// Parses a store URL; `nil` or an empty string means SQLite in `dataDirectory`.
    public init(_ text: String?, dataDirectory: String) throws(StoreError) {
        let text = text?.trimmingCharacters(in: .whitespaces) ?? ""
        if text.isEmpty {
            self = .sqlite(path: (dataDirectory as NSString).appendingPathComponent(SQLiteStore.fileName))
        } else if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            // sqlite:///abs/path, as SQLAlchemy writes it, is the same file as sqlite:/abs/path.
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { throw .invalidURL("sqlite: needs a file path, e.g. sqlite:./data/parley.sqlite") }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(text))
        } else {
            throw .invalidURL("'\(Self.redacting(text))' is not a store URL: use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
    }

    /// Whether `text` names a store several instances share (PostgreSQL): what decides, for
    /// example, that a key's rate limit lives in the store rather than in each process.
    public static func isShared(_ text: String?) -> Bool {
        let text = text?.trimmingCharacters(in: .whitespaces) ?? ""
        return text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The URL without its password, fit for logs and `/readyz`.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url.description
        }
    }

    /// A text that may be a URL with a password, with the password replaced (for error messages).
    static func redacting(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}

extension StoreURL {
    /// Opens (creating and migrating as needed) the store this URL names; with `migrating`
    /// false the schema is left as it is (and an SQLite file that is not there is an error,
    /// not created).
    /// - Parameter pollInterval: on PostgreSQL, how often ``ParleyStore/changes()`` resyncs while
    ///   notifications are down.
    public func open(
        migrating: Bool = true, pollInterval: Duration = .seconds(1), logger: Logger = Logger(label: "parley.store")
    ) async throws -> any ParleyStore {
        switch self {
        case .sqlite(let path):
            if !migrating, !FileManager.default.fileExists(atPath: path) {
                throw StoreError.unavailable("there is no database at \(path)")
            }
            return try SQLiteStore(path: path, migrating: migrating)
        case .postgres(let url):
            return try await PostgresStore.open(url, migrating: migrating, pollInterval: pollInterval, logger: logger)
        }
    }
}
