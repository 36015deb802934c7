import Foundation

/// One request a fake server received, as recorded for assertions.
public struct FakeRequest: Sendable, Equatable {
    /// `GET`, `POST`, …
    public var method: String
    /// Path and query as sent, e.g. `/api/v4/translator?text=hi`.
    public var uri: String
    /// The `Content-Type` header, if any.
    public var contentType: String?
    /// The raw body.
    public var body: Data

    public init(method: String, uri: String, contentType: String? = nil, body: Data = Data()) {
        self.method = method
        self.uri = uri
        self.contentType = contentType
        self.body = body
    }

    /// The path without the query.
    public var path: String { String(uri.prefix { $0 != "?" }) }

    /// The query string after `?`, if any.
    public var query: String? { uri.firstIndex(of: "?").map { String(uri[uri.index(after: $0)...]) } }

    /// The body as UTF-8 text.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Decoded `application/x-www-form-urlencoded` pairs of the query and (for form bodies)
    /// the body, in order.
    var formFields: [(String, String)] {
        var text = query ?? ""
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if type == "application/x-www-form-urlencoded" {
            text += (text.isEmpty ? "" : "&") + bodyText
        }
        return text.split(separator: "&").map { field in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The last form field named `name`.
    func formField(_ name: String) -> String? {
        formFields.last { $0.0 == name }?.1
    }
}

/// What a fake answers; turned into a Hummingbird response by the host.
struct FakeResponse: Sendable {
    var status: Int
    var reason: String
    var contentType: String?
    var headers: [(String, String)] = []
    var body: Data = Data()
    /// Send the head, wait this long, then the body.
    var bodyDelay: Duration?
    /// Close the connection instead of answering.
    var dropConnection = false
    /// Send the head and half the body, then close the connection.
    var resetMidBody = false

    init(status: Int, reason: String, contentType: String?, body: String, headers: [(String, String)] = []) {
        self.status = status
        self.reason = reason
        self.contentType = contentType
        self.body = Data(body.utf8)
        self.headers = headers
    }

    /// A JSON answer.
    static func json(_ status: Int, _ reason: String, _ value: FakeJSON, sortedKeys: Bool, trailingNewline: Bool, headers: [(String, String)] = []) -> FakeResponse {
        FakeResponse(status: status, reason: reason, contentType: "application/json",
                     body: value.serialized(sortedKeys: sortedKeys) + (trailingNewline ? "\n" : ""), headers: headers)
    }

    /// An answer that closes the connection.
    static var dropped: FakeResponse {
        var response = FakeResponse(status: 500, reason: "", contentType: nil, body: "")
        response.dropConnection = true
        return response
    }
}

/// nginx's page for a proxied server that is down, as a deployment behind a proxy sends it.
enum NginxPage {
    static let badGateway = """
        <html>
        <head><title>502 Bad Gateway</title></head>
        <body>
        <center><h1>502 Bad Gateway</h1></center>
        <hr><center>nginx/1.22.1</center>
        </body>
        </html>

        """
}

/// Werkzeug's (Flask's) HTML error pages, as LibreTranslate and nllb-serve send them.
enum WerkzeugPage {
    /// The page for `status` with werkzeug's title and text.
    static func html(_ status: Int) -> String {
        let (title, text) = pages[status] ?? ("Error", "An error occurred.")
        return "<!doctype html>\n<html lang=en>\n<title>\(status) \(title)</title>\n<h1>\(title)</h1>\n<p>\(text)</p>\n"
    }

    /// The response: werkzeug sends upper-case reason phrases.
    static func response(_ status: Int, headers: [(String, String)] = []) -> FakeResponse {
        let title = pages[status]?.0 ?? "Error"
        return FakeResponse(status: status, reason: title.uppercased(), contentType: "text/html; charset=utf-8", body: html(status), headers: headers)
    }

    static let pages: [Int: (String, String)] = [
        400: ("Bad Request", "The browser (or proxy) sent a request that this server could not understand."),
        404: ("Not Found", "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."),
        405: ("Method Not Allowed", "The method is not allowed for the requested URL."),
        429: ("Too Many Requests", "This user has exceeded an allotted request count. Try again later."),
        500: ("Internal Server Error", "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application."),
    ]
}
