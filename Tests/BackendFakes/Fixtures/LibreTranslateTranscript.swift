/// The exchanges of `shared/protocols/libretranslate-1.9.6-transcript.txt`: real
/// LibreTranslate 1.9.6 on loopback with tiny en↔es test models (translations are gibberish of
/// the right shape; everything else is what the server says).
public enum LibreTranslateTranscript {
    static let json = "application/json"
    static let form = "application/x-www-form-urlencoded"
    static let html = "text/html; charset=utf-8"

    /// The recorded `GET /languages` reply.
    public static let languagesReply = #"[{"code":"en","name":"English","targets":["en","es"]},{"code":"es","name":"Spanish","targets":["en","es"]}]"#

    /// The recorded `GET /frontend/settings` reply.
    public static let frontendSettingsReply = #"{"apiKeys":false,"charLimit":-1,"filesTranslation":true,"frontendTimeout":500,"keyRequired":false,"language":{"source":{"code":"auto","name":"Auto Detect"},"target":{"code":"es","name":"Spanish"}},"suggestions":false,"supportedFilesFormat":[".txt",".odt",".odp",".docx",".pptx",".epub",".html",".srt",".pdf"]}"#

    /// werkzeug's 405 page.
    public static let methodNotAllowedPage = """
        <!doctype html>
        <html lang=en>
        <title>405 Method Not Allowed</title>
        <h1>Method Not Allowed</h1>
        <p>The method is not allowed for the requested URL.</p>

        """

    /// werkzeug's 404 page.
    public static let notFoundPage = """
        <!doctype html>
        <html lang=en>
        <title>404 Not Found</title>
        <h1>Not Found</h1>
        <p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>

        """

    static let internalError = #"{"error":"The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application."}"#

    /// Every recorded exchange, in order.
    public static let exchanges: [RecordedExchange] = [
        RecordedExchange(command: "curl http://127.0.0.1:5000/languages", method: "GET", uri: "/languages",
                         status: 200, responseContentType: json, responseBody: languagesReply),
        RecordedExchange(command: "curl http://127.0.0.1:5000/health", method: "GET", uri: "/health",
                         status: 200, responseContentType: json, responseBody: #"{"status":"ok"}"#),
        RecordedExchange(command: "curl http://127.0.0.1:5000/frontend/settings", method: "GET", uri: "/frontend/settings",
                         status: 200, responseContentType: json, responseBody: frontendSettingsReply),
        RecordedExchange(command: "POST /translate JSON one text, two sentences", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello world. How are you?","source":"en","target":"es"}"#,
                         status: 200, responseContentType: json, responseBody: #"{"translatedText":"Thei book. Thewá cello libro?"}"#,
                         dependsOnModel: true),
        RecordedExchange(command: "POST /translate form", method: "POST", uri: "/translate", contentType: form,
                         body: "q=Hello world&source=en&target=es&format=text",
                         status: 200, responseContentType: json, responseBody: #"{"translatedText":"Thei book"}"#, dependsOnModel: true),
        RecordedExchange(command: "POST /translate JSON batch", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":["Hello world","I see the book!"],"source":"en","target":"es"}"#,
                         status: 200, responseContentType: json, responseBody: #"{"translatedText":["Thei book","House youjo Yü Ha!"]}"#,
                         dependsOnModel: true),
        RecordedExchange(command: "POST /translate JSON auto with alternatives", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello world, this is a longer English sentence","source":"auto","target":"es","alternatives":2}"#,
                         status: 200, responseContentType: json,
                         responseBody: #"{"alternatives":["The s book, YÜrañ rañ c Elwpakh vpakabrañÜ youfllofYfi","I book, YÜrañ rañ c Elwpakh vpakabrañÜ youfllofYfi"],"detectedLanguage":{"confidence":100.0,"language":"en"},"translatedText":"Thei book, YÜrañ rañ c Elwpakh vpakabrañÜ youfllofYfi"}"#,
                         dependsOnModel: true),
        RecordedExchange(command: "POST /translate JSON batch auto with alternatives", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":["Hello world, this is English","Hola mundo, esto es español"],"source":"auto","target":"es","alternatives":1}"#,
                         status: 200, responseContentType: json,
                         responseBody: #"{"alternatives":[["The s book, YÜrañ rañ vpakabrañÜ"],["The sabom du, Qw re rehaomswab"]],"detectedLanguage":[{"confidence":100.0,"language":"en"},{"confidence":100.0,"language":"en"}],"translatedText":["Thei book, YÜrañ rañ vpakabrañÜ","Thewabom du, Qw re rehaomswab"]}"#,
                         dependsOnModel: true),
        RecordedExchange(command: "POST /translate JSON html", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"<p class=\"x\">Hello <b>world</b></p>","source":"en","target":"es","format":"html"}"#,
                         status: 200, responseContentType: json, responseBody: #"{"translatedText":"<p class=\"x\">Thei <b>book</b></p>"}"#,
                         dependsOnModel: true),
        RecordedExchange(command: "POST /translate source == target", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hola","source":"es","target":"es"}"#,
                         status: 200, responseContentType: json, responseBody: #"{"translatedText":"Hola"}"#),
        RecordedExchange(command: "POST /translate emoji only", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"😀😀","source":"en","target":"es"}"#,
                         status: 200, responseContentType: json, responseBody: #"{"translatedText":"😀😀"}"#),
        RecordedExchange(command: "POST /detect JSON", method: "POST", uri: "/detect", contentType: json,
                         body: #"{"q":"Hola, ¿cómo estás? Espero que todo vaya bien en la ciudad."}"#,
                         status: 200, responseContentType: json, responseBody: #"[{"confidence":100.0,"language":"es"}]"#, dependsOnModel: true),
        RecordedExchange(command: "POST /detect form", method: "POST", uri: "/detect", contentType: form,
                         body: "q=Hello there my friend, how are you doing today?",
                         status: 200, responseContentType: json, responseBody: #"[{"confidence":100.0,"language":"en"}]"#, dependsOnModel: true),
        RecordedExchange(command: "POST /detect JSON list", method: "POST", uri: "/detect", contentType: json,
                         body: #"{"q":["Hello there my friend","Hola amigo mío, ¿qué tal?"]}"#,
                         status: 200, responseContentType: json,
                         responseBody: #"[{"confidence":100.0,"language":"en"},{"confidence":71.0,"language":"es"}]"#, dependsOnModel: true),
        // errors
        RecordedExchange(command: "POST /translate missing q", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"source":"en","target":"es"}"#,
                         status: 400, responseContentType: json, responseBody: #"{"error":"Invalid request: missing q parameter"}"#),
        RecordedExchange(command: "POST /translate missing source", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello","target":"es"}"#,
                         status: 400, responseContentType: json, responseBody: #"{"error":"Invalid request: missing source parameter"}"#),
        RecordedExchange(command: "POST /translate unknown target", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello","source":"en","target":"zz"}"#,
                         status: 400, responseContentType: json, responseBody: #"{"error":"zz is not supported"}"#),
        RecordedExchange(command: "POST /translate target without a model", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello","source":"en","target":"ga"}"#,
                         status: 400, responseContentType: json, responseBody: #"{"error":"ga is not supported"}"#),
        RecordedExchange(command: "POST /translate unknown format", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello","source":"en","target":"es","format":"markdown"}"#,
                         status: 400, responseContentType: json, responseBody: #"{"error":"markdown format is not supported"}"#),
        RecordedExchange(command: "POST /translate JSON non-numeric alternatives", method: "POST", uri: "/translate", contentType: json,
                         body: #"{"q":"Hello","source":"en","target":"es","alternatives":"x"}"#,
                         status: 500, responseContentType: json, responseBody: internalError),
        RecordedExchange(command: "POST /translate form non-numeric alternatives", method: "POST", uri: "/translate", contentType: form,
                         body: "q=Hello&source=en&target=es&alternatives=x",
                         status: 400, responseContentType: json, responseBody: #"{"error":"Invalid request: alternatives parameter is not a number"}"#),
        RecordedExchange(command: "POST /translate JSON array body", method: "POST", uri: "/translate", contentType: json,
                         body: #"["not","an","object"]"#,
                         status: 400, responseContentType: json, responseBody: #"{"error":"Invalid JSON format"}"#),
        RecordedExchange(command: "POST /translate bad JSON", method: "POST", uri: "/translate", contentType: json,
                         body: "{bad json",
                         status: 400, responseContentType: json,
                         responseBody: #"{"error":"The browser (or proxy) sent a request that this server could not understand."}"#),
        RecordedExchange(command: "POST /detect without q", method: "POST", uri: "/detect", contentType: json,
                         body: "{}",
                         status: 400, responseContentType: json, responseBody: #"{"error":"Invalid request: missing q parameter"}"#),
        RecordedExchange(command: "POST /suggest", method: "POST", uri: "/suggest", contentType: json,
                         body: #"{"q":"a","s":"b","source":"en","target":"es"}"#,
                         status: 403, responseContentType: json, responseBody: #"{"error":"Suggestions are disabled on this server."}"#),
        RecordedExchange(command: "curl http://127.0.0.1:5000/translate", method: "GET", uri: "/translate",
                         status: 405, responseContentType: html, responseBody: methodNotAllowedPage),
        RecordedExchange(command: "curl -X POST http://127.0.0.1:5000/nope", method: "POST", uri: "/nope",
                         status: 404, responseContentType: html, responseBody: notFoundPage),
    ]
}
