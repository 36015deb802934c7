import Hummingbird
import ServiceConfiguration

/// `POST /v1/detect {"texts": [...]}` → one result per text: candidates best first with a
/// confidence in [0, 1], and whether the top one is reliable. Empty candidates mean `und`.
struct DetectionRoutes {
    let detection: DetectionService
    let limits: RequestLimits

    struct RequestBody: Decodable {
        var texts: [String]
    }

    struct ResponseBody: Encodable {
        var results: [DetectionService.Result]
    }

    func register(on router: ParleyRouter) {
        router.post("/v1/detect") { request, context in
            try context.require(.detect)
            let body = try await request.decode(as: RequestBody.self, context: context)
            guard !body.texts.isEmpty else { throw APIError.badRequest(code: "invalid_request", message: "texts must contain at least one text") }
            guard body.texts.count <= limits.maxTexts else {
                throw APIError.tooLarge(code: "too_many_texts", message: "\(body.texts.count) texts in one call; the limit is \(limits.maxTexts)")
            }
            for (index, text) in body.texts.enumerated() where text.unicodeScalars.count > limits.maxCharacters {
                throw APIError.tooLarge(code: "text_too_long", message: "texts[\(index)] has \(text.unicodeScalars.count) characters; the limit is \(limits.maxCharacters)")
            }
            return try JSONResponse.make(ResponseBody(results: detection.detect(body.texts)))
        }
    }
}
