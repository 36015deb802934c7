import Foundation

/// A parsed `postgres://` URL: where the database is, who connects, and how.
///
/// The query parameters are libpq's where they mean the same (`sslmode`, `host` for a socket
/// directory, `connect_timeout`, `application_name`) and two of Parley's own:
/// `statement_timeout` (milliseconds a statement may run, default 10000) and `pool_size`
/// (connections per instance, default 20). An unknown parameter is an error, not ignored, so a
/// typo in `sslmode` cannot silently turn TLS off. The password is kept for connecting and never
/// printed: ``description`` shows `***`.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is protected, with libpq's meanings.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without checking its certificate.
        case prefer
        /// TLS or no connection, without checking the certificate (libpq's `require`).
        case require
        /// TLS with the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// The directory of the server's socket (`?host=/run/postgresql`), used instead of TCP.
    public var socketDirectory: String?
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    public var connectTimeoutSeconds: Int
    public var statementTimeoutMilliseconds: Int
    public var poolSize: Int
    public var applicationName: String

    public init(_ text: String) throws(StoreError) {
        let shown = StoreURL.redacting(text)
        guard let components = URLComponents(string: text) else {
            throw .invalidURL("'\(shown)' is not a URL")
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 }?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) ?? "localhost"
        port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw .invalidURL("'\(shown)': port \(port) is out of range") }
        user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        guard !database.contains("/") else { throw .invalidURL("'\(shown)': the database name '\(database)' contains '/'") }
        tls = .prefer
        connectTimeoutSeconds = 10
        statementTimeoutMilliseconds = 10_000
        poolSize = 20
        applicationName = "parley"
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                // verify-ca is folded into verify-full: NIOSSL checks the name too, which is stricter.
                let mode = value == "verify-ca" ? "verify-full" : value
                guard let parsed = TLSMode(rawValue: mode) else {
                    throw .invalidURL("'\(shown)': sslmode '\(value)' is not one of disable, prefer, require, verify-ca, verify-full")
                }
                tls = parsed
            case "host":
                guard value.hasPrefix("/") else { throw .invalidURL("'\(shown)': host= takes a socket directory (an absolute path)") }
                socketDirectory = value
            case "connect_timeout":
                connectTimeoutSeconds = try Self.integer(value, "connect_timeout", in: 1...600, shown)
            case "statement_timeout":
                statementTimeoutMilliseconds = try Self.integer(value, "statement_timeout", in: 0...3_600_000, shown)
            case "pool_size":
                poolSize = try Self.integer(value, "pool_size", in: 1...500, shown)
            case "application_name":
                applicationName = value
            default:
                throw .invalidURL("'\(shown)': unknown parameter '\(item.name)' (known: sslmode, host, connect_timeout, statement_timeout, pool_size, application_name)")
            }
        }
    }

    /// The path of the server's socket file, as postgres-nio wants it.
    public var socketPath: String? {
        socketDirectory.map { ($0 as NSString).appendingPathComponent(".s.PGSQL.\(port)") }
    }

    public var description: String {
        var text = "postgres://\(user)"
        if password != nil { text += ":***" }
        text += "@\(socketDirectory == nil ? host : ""):\(port)/\(database)"
        if let socketDirectory { text += "?host=\(socketDirectory)" }
        return text
    }

    private static func integer(_ value: String, _ name: String, in range: ClosedRange<Int>, _ shown: String) throws(StoreError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw .invalidURL("'\(shown)': \(name) must be a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }
}
