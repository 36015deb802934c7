import AsyncHTTPClient
import BackendFakes
import Foundation
import Languages
import NIOCore
import ServiceConfiguration
import Testing
@testable import TranslationBackends

/// The HTTP client the tests share (a refused connection fails at once).
let testHTTPClient = BackendFactory.makeHTTPClient()

/// Settings for a backend at `url`.
func backendSettings(_ kind: BackendKind, _ url: String, configure: (inout BackendSettings) -> Void = { _ in }) -> BackendSettings {
    var settings = BackendSettings(name: kind.rawValue, kind: kind, url: url)
    settings.timeout = .seconds(5)
    configure(&settings)
    return settings
}

let enES = LanguagePair(.english, .spanish)
let enHA = LanguagePair(.english, .hausa)

/// Runs `body` and returns the BackendError it throws (nil when it does not throw) and the
/// time it took.
func failure<T>(_ body: () async throws -> T) async -> (BackendError?, Duration) {
    let start = ContinuousClock.now
    do {
        _ = try await body()
        return (nil, start.duration(to: .now))
    } catch let error as BackendError {
        return (error, start.duration(to: .now))
    } catch {
        Issue.record("not a BackendError: \(error)")
        return (nil, start.duration(to: .now))
    }
}

/// A raw HTTP exchange with a fake, for protocol-level tests.
struct RawAnswer {
    var status: Int
    var contentType: String
    var headers: [(String, String)]
    var body: String
}

func rawRequest(_ baseURL: String, method: String, uri: String, contentType: String? = nil, body: String = "") async throws -> RawAnswer {
    var request = HTTPClientRequest(url: baseURL + uri)
    request.method = .RAW(value: method)
    if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
    if !body.isEmpty || method == "POST" { request.body = .bytes(Array(body.utf8)) }
    let response = try await testHTTPClient.execute(request, timeout: .seconds(5))
    let bytes = try await response.body.collect(upTo: 1 << 24)
    return RawAnswer(status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type") ?? "",
                     headers: response.headers.map { ($0.name, $0.value) }, body: String(buffer: bytes))
}

/// The JSON structure of `text` with every string and number blanked: two answers of the same
/// shape compare equal even when a model wrote their texts.
func jsonShape(_ text: String) -> String? {
    guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
    func shape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(shape(object[$0] ?? NSNull()))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + array.map(shape).joined(separator: ",") + "]"
        case is String: return "s"
        case is NSNumber: return "n"
        default: return "null"
        }
    }
    return shape(value)
}

/// The JSON body of a recorded request as an object.
func jsonObject(_ data: Data) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
}
