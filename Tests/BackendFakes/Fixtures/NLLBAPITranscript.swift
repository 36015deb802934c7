/// The exchanges of `shared/protocols/nllb-api-4.2-transcript.txt`: real winstxnhdw/nllb-api
/// 4.2 on loopback with a tiny copy model (a real checkpoint returns a real translation in
/// `result`; everything else is what the server says).
public enum NLLBAPITranscript {
    static let json = "application/json"

    /// A 4097-character text, one over the limit.
    public static let overLongText = String(repeating: "a", count: 4097)

    /// Every recorded exchange, in order.
    public static let exchanges: [RecordedExchange] = [
        RecordedExchange(command: "curl http://127.0.0.1:7860/api/health", method: "GET", uri: "/api/health",
                         status: 200, responseContentType: json, responseBody: #"{"schemaVersion":1,"label":"nllb-api","message":"online"}"#),
        RecordedExchange(command: "GET /api/v4/translator eng→spa", method: "GET", uri: "/api/v4/translator?text=Hello%20world&source=eng_Latn&target=spa_Latn",
                         status: 200, responseContentType: json, responseBody: #"{"result":"[spa_Latn][eng_Latn] Hello world"}"#, dependsOnModel: true),
        RecordedExchange(command: "GET /api/v4/translator hau→eng", method: "GET", uri: "/api/v4/translator?text=Sannu&source=hau_Latn&target=eng_Latn",
                         status: 200, responseContentType: json, responseBody: #"{"result":"[eng_Latn][eng_Latn] Sannu"}"#, dependsOnModel: true),
        RecordedExchange(command: "POST /api/v4/translator eng→arb", method: "POST", uri: "/api/v4/translator", contentType: json,
                         body: #"{"text":"How are you?","source":"eng_Latn","target":"arb_Arab"}"#,
                         status: 200, responseContentType: json, responseBody: #"{"result":"[arb_Arab][eng_Latn] How are you?"}"#, dependsOnModel: true),
        RecordedExchange(command: "GET /api/v4/translator/tokens", method: "GET", uri: "/api/v4/translator/tokens?text=Hello%2C%20world%21",
                         status: 200, responseContentType: json, responseBody: #"{"length":13}"#, dependsOnModel: true),
        // errors
        RecordedExchange(command: "GET /api/v4/translator without text", method: "GET", uri: "/api/v4/translator?source=eng_Latn&target=spa_Latn",
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"Missing required query parameter 'text' for path /api/v4/translator?source=eng_Latn&target=spa_Latn"}"#),
        RecordedExchange(command: "GET /api/v4/translator unknown source", method: "GET", uri: "/api/v4/translator?text=hi&source=xxx_Latn&target=spa_Latn",
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"Validation failed for GET /api/v4/translator?text=hi&source=xxx_Latn&target=spa_Latn","extra":[{"message":"Invalid enum value 'xxx_Latn'","key":"source","source":"query"}]}"#),
        RecordedExchange(command: "GET /api/v4/translator empty text", method: "GET", uri: "/api/v4/translator?text=&source=eng_Latn&target=spa_Latn",
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"Validation failed for GET /api/v4/translator?text=&source=eng_Latn&target=spa_Latn","extra":[{"message":"Expected `str` of length >= 1","key":"text","source":"query"}]}"#),
        RecordedExchange(command: "POST /api/v4/translator without target", method: "POST", uri: "/api/v4/translator", contentType: json,
                         body: #"{"text":"hi","source":"eng_Latn"}"#,
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Object missing required field `target`","key":"data","source":"body"}]}"#),
        RecordedExchange(command: "POST /api/v4/translator text as array", method: "POST", uri: "/api/v4/translator", contentType: json,
                         body: #"{"text":["a","b"],"source":"eng_Latn","target":"spa_Latn"}"#,
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Expected `str`, got `array`","key":"text","source":"body"}]}"#),
        RecordedExchange(command: "POST /api/v4/translator bad JSON", method: "POST", uri: "/api/v4/translator", contentType: json,
                         body: "{bad",
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"JSON is malformed: object keys must be strings (byte 1)"}"#),
        RecordedExchange(command: "POST /api/v3/translate (old route)", method: "POST", uri: "/api/v3/translate", contentType: json,
                         body: #"{"text":"hi","source":"eng_Latn","target":"spa_Latn"}"#,
                         status: 404, responseContentType: json, responseBody: #"{"status_code":404,"detail":"Not Found"}"#),
        RecordedExchange(command: "DELETE /api/v4/translator", method: "DELETE", uri: "/api/v4/translator?to_cpu=false",
                         status: 401, responseContentType: json, responseBody: #"{"status_code":401,"detail":"Unauthorized"}"#),
        RecordedExchange(command: "POST /api/v4/translator text of 4097 chars", method: "POST", uri: "/api/v4/translator", contentType: json,
                         body: #"{"text":""# + overLongText + #"","source":"eng_Latn","target":"spa_Latn"}"#,
                         status: 400, responseContentType: json,
                         responseBody: #"{"status_code":400,"detail":"Validation failed for POST /api/v4/translator","extra":[{"message":"Expected `str` of length <= 4096","key":"text","source":"body"}]}"#),
    ]
}
