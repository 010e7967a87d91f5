import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// The preview server's limits on connections, after nginx's: a client has a few seconds to send
/// a request head (`client_header_timeout`), an idle keep-alive connection is closed after a
/// while (`keepalive_timeout`), and at most so many connections are open at once; past that, a
/// new connection displaces the one idle longest, as nginx reuses its idle connections, so a
/// crowd of silent or dripping clients cannot keep a real one out. A request that is not
/// keep-alive (HTTP/1.0 without `Connection: keep-alive`, or `Connection: close`) gets
/// `Connection: close` and the connection is closed once the response is written.
public struct ConnectionLimits: Sendable {
    /// Connections open at once, over all listening addresses.
    public var maxConnections: Int
    /// From the connection's start to a complete request head.
    public var headTimeout: Duration
    /// From the end of a response to the next request head.
    public var idleTimeout: Duration

    public init(maxConnections: Int = 512, headTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(10)) {
        self.maxConnections = maxConnections
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
    }
}

/// The open connections, shared by the listeners, and which of them are between requests.
final class ConnectionRegistry: Sendable {
    struct Entry {
        let channel: any Channel
        /// A request is being answered: the connection is not displaced.
        var busy: Bool
        /// Since when it has been waiting (for its first head, or its next).
        var since: ContinuousClock.Instant
    }

    let limit: Int
    private let entries = Mutex([ObjectIdentifier: Entry]())

    init(limit: Int) { self.limit = max(1, limit) }

    /// Registers `channel`; at the limit, closes the connection idle longest to make room.
    /// False if every open connection is busy: then `channel` is to be closed.
    func admit(_ channel: any Channel) -> Bool {
        enum Admission { case admitted(displacing: (any Channel)?), refused }
        let admission = entries.withLock { entries -> Admission in
            var displaced: (any Channel)?
            if entries.count >= limit {
                guard let oldest = entries.lazy.filter({ !$0.value.busy }).min(by: { $0.value.since < $1.value.since }) else {
                    return .refused
                }
                displaced = oldest.value.channel
                entries[oldest.key] = nil
            }
            entries[ObjectIdentifier(channel)] = Entry(channel: channel, busy: false, since: .now)
            return .admitted(displacing: displaced)
        }
        guard case .admitted(let displaced) = admission else { return false }
        displaced?.close(promise: nil)
        return true
    }

    func setBusy(_ channel: any Channel, _ busy: Bool) {
        entries.withLock { entries in
            entries[ObjectIdentifier(channel)]?.busy = busy
            if !busy { entries[ObjectIdentifier(channel)]?.since = .now }
        }
    }

    func remove(_ channel: any Channel) {
        _ = entries.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}

/// Sits between the HTTP/1 decoder and the rest of Hummingbird's pipeline, where the request's
/// version and keep-alive wish are still known: applies `ConnectionLimits` to one connection.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let limits: ConnectionLimits
    let registry: ConnectionRegistry
    /// Requests read and not yet answered in full.
    private var pending = 0
    /// The request asked for no keep-alive: close after its response.
    private var closeAfterResponse = false
    /// The request was HTTP/1.0 with keep-alive, which the response must confirm.
    private var confirmKeepAlive = false
    private var timer: Scheduled<Void>?
    private var started = false
    private var registered = false

    init(limits: ConnectionLimits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    /// Admits the connection (or closes it) and gives it `headTimeout` to send a request head.
    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        registered = registry.admit(context.channel)
        guard registered else { return context.close(promise: nil) }
        arm(context, after: limits.headTimeout)
    }

    func channelInactive(context: ChannelHandlerContext) {
        forget(context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { forget(context) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            timer?.cancel()
            timer = nil
            pending += 1
            registry.setBusy(context.channel, true)
            if !head.isKeepAlive { closeAfterResponse = true }
            confirmKeepAlive = head.isKeepAlive && head.version.major == 1 && head.version.minor == 0
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if closeAfterResponse {
                head.headers.replaceOrAdd(name: "connection", value: "close")
            } else if confirmKeepAlive {
                head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            // Clamped: Hummingbird answers a malformed request with no head read here.
            pending = max(0, pending - 1)
            guard pending == 0 else { return context.write(data, promise: promise) }
            if closeAfterResponse {
                // Closed once everything is written: closing at once would drop what the socket
                // has not taken yet.
                let written = context.eventLoop.makePromise(of: Void.self)
                written.futureResult.cascade(to: promise)
                context.writeAndFlush(data, promise: written)
                written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            } else {
                context.write(data, promise: promise)
                registry.setBusy(context.channel, false)
                arm(context, after: limits.idleTimeout)
            }
        }
    }

    /// Closes the connection after `delay` unless a request head comes first.
    private func arm(_ context: ChannelHandlerContext, after delay: Duration) {
        timer?.cancel()
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) { [weak self] in
            guard let self, self.pending == 0 else { return }
            context.close(promise: nil)
        }
    }

    private func forget(_ context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        if registered {
            registry.remove(context.channel)
            registered = false
        }
    }
}

/// Hummingbird's HTTP/1 child channel with a `ConnectionGuard` in its pipeline.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let inner: HTTP1Channel
    let limits: ConnectionLimits
    let registry: ConnectionRegistry

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let limits = self.limits
        let registry = self.registry
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(ConnectionGuard(limits: limits, registry: registry), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}
