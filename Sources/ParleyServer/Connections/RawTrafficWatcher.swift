import NIOCore

/// The first handler of a connection's pipeline: tells its ``ConnectionGuard`` about every
/// byte that arrives *before* HTTP decoding — the only place a request head that trickles in
/// can be seen, since the decoder emits nothing until the head is complete — and writes the
/// guard's raw refusals straight to the socket.
final class RawTrafficWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The guard that added this watcher (it owns the watcher; both live on one event loop).
    unowned let guardian: ConnectionGuard
    private var context: ChannelHandlerContext?
    private var refused = false

    init(guardian: ConnectionGuard) {
        self.guardian = guardian
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return } // after a refusal the rest of the request is not decoded
        guardian.bytesArrived(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }

    /// Writes `response` below the HTTP layer and closes the connection once it is sent.
    func refuse(with response: ByteBuffer) {
        guard let context, !refused else { return }
        refused = true
        context.writeAndFlush(wrapOutboundOut(response)).whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
