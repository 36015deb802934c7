import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// Why a fake server could not start.
public enum FakeServerError: Error, Sendable, Equatable {
    /// Binding 127.0.0.1 on the port failed.
    case cannotListen(port: Int)
}

/// Set while a fake is stopping, so that requests it holds (hangs, delays, slow bodies)
/// end at once and the graceful shutdown does not wait for them.
final class FakeStopSignal: Sendable {
    private let stopping = Mutex(false)

    var isStopping: Bool {
        get { stopping.withLock { $0 } }
        set { stopping.withLock { $0 = newValue } }
    }

    /// Sleeps for `duration`; false when the fake began stopping (or the task was cancelled)
    /// before the time was up.
    func pause(for duration: Duration) async -> Bool {
        let end = ContinuousClock.now.advanced(by: duration)
        while ContinuousClock.now < end {
            if isStopping || Task.isCancelled { return false }
            let step = min(ContinuousClock.now.duration(to: end), .milliseconds(20))
            try? await Task.sleep(for: step)
        }
        return !isStopping
    }
}

/// Runs one Hummingbird application on 127.0.0.1 in process and hands every request to a
/// handler; can stop and listen again on the same port.
///
/// Stopping is a graceful shutdown (stop accepting, finish what is in progress, which the
/// ``FakeStopSignal`` cuts short), never a task cancellation: cancelling the server while a
/// connection is being accepted trips a SwiftNIO debug assertion.
final class FakeServerHost: Sendable {
    typealias Handler = @Sendable (FakeRequest) async -> FakeResponse

    private struct Running: Sendable {
        var group: ServiceGroup
        var task: Task<Void, Never>
    }

    private let handler: Handler
    let signal: FakeStopSignal
    private let running = Mutex<Running?>(nil)

    init(signal: FakeStopSignal = FakeStopSignal(), handler: @escaping Handler) {
        self.signal = signal
        self.handler = handler
    }

    /// Starts listening on `port` (0: any free port) and returns the bound port.
    func start(port: Int = 0) async throws(FakeServerError) -> Int {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "parley.fake-backend")
        logger.logLevel = .critical
        let app = Application(
            responder: FakeResponder(handler: handler, signal: signal),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        signal.isStopping = false
        let task = Task {
            try? await group.run()
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next(), bound > 0 else {
            await group.triggerGracefulShutdown()
            await task.value
            throw .cannotListen(port: port)
        }
        running.withLock { $0 = Running(group: group, task: task) }
        return bound
    }

    /// Stops listening and ends requests in progress (a hanging `.timeout` request ends).
    func stop() async {
        guard let current = running.withLock({ state -> Running? in
            defer { state = nil }
            return state
        }) else { return }
        signal.isStopping = true
        await current.group.triggerGracefulShutdown()
        await current.task.value
    }
}

/// The request context of the fakes: Hummingbird's basics plus a way to drop the connection.
struct FakeRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Closes the TCP connection the request came on.
    let closeConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        closeConnection = { channel.close(promise: nil) }
    }
}

/// Turns Hummingbird requests into ``FakeRequest``s and ``FakeResponse``s into responses.
struct FakeResponder: HTTPResponder {
    typealias Context = FakeRequestContext

    let handler: FakeServerHost.Handler
    let signal: FakeStopSignal

    func respond(to request: Request, context: Context) async throws -> Response {
        let body = try await request.body.collect(upTo: 64 * 1_048_576)
        let fake = FakeRequest(
            method: request.method.rawValue,
            uri: request.head.path ?? "/",
            contentType: request.headers[.contentType],
            body: Data(body.readableBytesView)
        )
        let answer = await handler(fake)
        if answer.dropConnection {
            context.closeConnection()
            return Response(status: .internalServerError)
        }
        var fields = HTTPFields()
        if let contentType = answer.contentType { fields[.contentType] = contentType }
        for (name, value) in answer.headers {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let buffer = ByteBuffer(bytes: answer.body)
        let status = HTTPResponse.Status(code: answer.status, reasonPhrase: answer.reason)
        if answer.resetMidBody {
            // A full Content-Length, half the bytes, then the socket closes: the client is
            // inside the body when the connection goes.
            let close = context.closeConnection
            return Response(status: status, headers: fields, body: ResponseBody(contentLength: buffer.readableBytes) { writer in
                try await writer.write(buffer.getSlice(at: buffer.readerIndex, length: buffer.readableBytes / 2) ?? ByteBuffer())
                close()
                throw CancellationError()
            })
        }
        guard let delay = answer.bodyDelay else {
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
        }
        let signal = self.signal
        return Response(status: status, headers: fields, body: ResponseBody(contentLength: buffer.readableBytes) { writer in
            guard await signal.pause(for: delay) else { throw CancellationError() }
            try await writer.write(buffer)
            try await writer.finish(nil)
        })
    }
}
