/// The fault matrix's two axes, shared by `FaultMatrixTests` (which asserts on them) and
/// `parley-bench faults` (which prints the table): how a real MT server misbehaves (switched on
/// a ``FakeLibreTranslate``), and the kinds of request that reach it through Parley.
public enum FaultScenario {
    public enum Mode: String, CaseIterable, Sendable {
        case refused, dropped, resetMidBody, hang, trickle, error500, badGateway, rateLimited, malformedJSON, wrongCount, echo

        /// The error code an answer without a peer carries.
        public var code: String {
            switch self {
            case .refused, .dropped, .resetMidBody: "backend_unavailable"
            case .hang, .trickle: "backend_timeout"
            case .error500, .badGateway: "backend_error"
            case .rateLimited: "backend_rate_limited"
            case .malformedJSON, .wrongCount: "backend_malformed_response"
            case .echo: "backend_echo"
            }
        }

        public func apply(to fake: FakeLibreTranslate) async {
            fake.faultsHitOnlyTranslations = true
            fake.hangDuration = .seconds(3)
            switch self {
            case .refused: await fake.stop()
            case .dropped: fake.fault = .refuseConnections
            case .hang: fake.fault = .timeout
            case .trickle: fake.fault = .slowBody(.seconds(3))
            case .error500: fake.fault = .serverError
            case .badGateway: fake.fault = .badGateway
            case .resetMidBody: fake.fault = .resetMidBody
            case .rateLimited: fake.fault = .rateLimited(retryAfter: 7)
            case .malformedJSON: fake.fault = .malformedJSON
            case .wrongCount: fake.fault = .wrongCount
            case .echo: fake.fault = .echo
            }
        }

        public func clear(on fake: FakeLibreTranslate) async throws {
            if self == .refused { try await fake.restart() }
            fake.fault = .none
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case oneText, batch, severalTargets, richText, dropIn

        public var uri: String {
            switch self {
            case .richText: "/v1/chat/translate"
            case .dropIn: "/translate"
            default: "/v1/translate"
            }
        }

        public var body: String {
            switch self {
            case .oneText: #"{"texts":["Good morning friends"],"source":"en","targets":["es"]}"#
            case .batch: #"{"texts":["Good morning friends","See you at noon","The room is open"],"source":"en","targets":["es"]}"#
            case .severalTargets: #"{"texts":["Good morning friends"],"source":"en","targets":["es","ru"]}"#
            case .richText:
                #"{"source":"en","targets":["es"],"messages":[{"uri":"at://did:plc:x/app.protoimsg.chat.message/1","text":"@alice good morning friends","facets":[{"index":{"byteStart":0,"byteEnd":6},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:alice"}]}]}]}"#
            case .dropIn: #"{"q":"Good morning friends","source":"en","target":"es"}"#
            }
        }
    }

}
