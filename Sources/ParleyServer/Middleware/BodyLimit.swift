import Hummingbird

/// Refuses bodies over the configured size with 413 before reading them (by `Content-Length`);
/// routes cap what they collect at the same size when the length is not announced
/// (``ParleyRequestContext/maxUploadSize``).
struct BodyLimit: Sendable {
    let maxBodySize: Int

    /// Throws 413 when the announced length is over the limit.
    func check(_ request: Request) throws(APIError) {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            throw APIError.payloadTooLarge(limit: maxBodySize)
        }
    }
}
