import Foundation
import Testing

/// Runs the built `parley` executable the way an operator would.
struct CLI {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL? {
        for configuration in ["debug", "release"] {
            let url = repositoryRoot.appendingPathComponent(".build/\(configuration)/parley")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
        var lastLine: String { output.split(separator: "\n").last.map(String.init) ?? "" }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        guard let executable else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "build parley first (swift build)"]) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { _, new in new }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)").path
    }
}

@Suite("parley command line", .serialized)
struct CLITests {
    @Test func keysCreateListRevoke() throws {
        let data = CLI.temporaryDirectory()
        let created = try CLI.run(["keys", "create", "--data-dir", data, "--name", "chat-server", "--scope", "translate", "--scope", "catalog:write:ar", "--unlimited"])
        #expect(created.status == 0, "\(created.error)")
        let key = created.lastLine
        #expect(key.hasPrefix("pk_") && key.count >= 32)
        #expect(key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        let listed = try CLI.run(["keys", "list", "--data-dir", data])
        #expect(listed.status == 0)
        #expect(listed.output.contains("chat-server"))
        #expect(listed.output.contains("catalog:write:ar"))
        #expect(!listed.output.contains(key))
        let id = String(listed.output.split(separator: " ").first ?? "")
        #expect(id.hasPrefix("key_"))
        let revoked = try CLI.run(["keys", "revoke", "--data-dir", data, id])
        #expect(revoked.status == 0)
        #expect(try CLI.run(["keys", "list", "--data-dir", data]).output.contains("revoked"))
        let again = try CLI.run(["keys", "revoke", "--data-dir", data, id])
        #expect(again.status != 0)
    }

    @Test func keysCreateRefusesBadScopes() throws {
        let result = try CLI.run(["keys", "create", "--data-dir", CLI.temporaryDirectory(), "--name", "x", "--scope", "catalog:write:pt"])
        #expect(result.status != 0)
        #expect(result.error.contains("not a scope"))
        let none = try CLI.run(["keys", "create", "--data-dir", CLI.temporaryDirectory(), "--name", "x"])
        #expect(none.status != 0)
    }

    @Test func configCheck() throws {
        let good = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).yaml")
        try "server:\n  port: 9000\n".write(to: good, atomically: true, encoding: .utf8)
        let ok = try CLI.run(["config", "check", good.path])
        #expect(ok.status == 0)
        #expect(ok.output.contains("127.0.0.1:9000"))
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).json")
        try #"{"server": {"port": -1}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let failed = try CLI.run(["config", "check", bad.path])
        #expect(failed.status != 0)
        #expect(failed.error.contains("server.port"))
        let fromEnvironment = try CLI.run(["config", "check"], environment: ["PARLEY_LOG_LEVEL": "loud"])
        #expect(fromEnvironment.status != 0)
        #expect(fromEnvironment.error.contains("PARLEY_LOG_LEVEL"))
    }

    @Test func serveRefusesBadConfigurationNamingTheField() throws {
        let result = try CLI.run(["serve", "--data-dir", CLI.temporaryDirectory(), "--backend", "lt=deepl@http://127.0.0.1:1"])
        #expect(result.status != 0)
        #expect(result.error.contains("backends[0].kind"))
    }

    /// `store check` changes nothing and says by its exit status whether the schema is current;
    /// `store copy` moves a deployment; a failing command exits non-zero on standard error.
    @Test func storeMigrateCheckAndCopy() throws {
        let data = CLI.temporaryDirectory()
        let missing = try CLI.run(["store", "check", "--data-dir", data])
        #expect(missing.status == 1)
        #expect(missing.error.contains("there is no database"), "\(missing.error)")
        #expect(!FileManager.default.fileExists(atPath: data + "/parley.sqlite"), "check created the database")
        let migrated = try CLI.run(["store", "migrate", "--data-dir", data])
        #expect(migrated.status == 0, "\(migrated.error)")
        #expect(migrated.output.contains("current"))
        let checked = try CLI.run(["store", "check", "--data-dir", data])
        #expect(checked.status == 0, "\(checked.error)")
        #expect(try CLI.run(["keys", "create", "--data-dir", data, "--name", "chat", "--scope", "translate"]).status == 0)

        let copy = CLI.temporaryDirectory() + "/copy.sqlite"
        let copied = try CLI.run(["store", "copy", "--from", "sqlite:\(data)/parley.sqlite", "--to", "sqlite:\(copy)"])
        #expect(copied.status == 0, "\(copied.error)")
        #expect(copied.output.contains("1 API keys"))
        #expect(try CLI.run(["keys", "list", "--store", "sqlite:\(copy)"]).output.contains("chat"))
        let again = try CLI.run(["store", "copy", "--from", "sqlite:\(data)/parley.sqlite", "--to", "sqlite:\(copy)"])
        #expect(again.status == 1)
        #expect(again.error.contains("never merges"), "\(again.error)")
        let unreachable = try CLI.run(["keys", "list", "--store", "postgres://parley:hunter2@127.0.0.1:1/parley?connect_timeout=1"])
        #expect(unreachable.status == 1)
        #expect(unreachable.error.contains("store unavailable"), "\(unreachable.error)")
        #expect(!unreachable.error.contains("hunter2") && !unreachable.output.contains("hunter2"))
    }

    @Test func languages() throws {
        let result = try CLI.run(["languages"])
        #expect(result.status == 0)
        #expect(result.output.contains("arb_Arab"))
        #expect(result.output.contains("zero one two few many other"))
    }

    @Test func helpIsThere() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for command in ["serve", "languages", "keys", "config"] { #expect(result.output.contains(command)) }
    }
}
