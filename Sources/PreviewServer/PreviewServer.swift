import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import SitePipeline
import Synchronization

/// `nianbao serve`: builds the site into a preview folder, serves it on loopback over IPv6 and
/// IPv4 (one listener per address) under its base path, rebuilds when an input file changes and
/// makes open pages reload. Stops cleanly on SIGINT and SIGTERM. Connections are bounded in time
/// and number (`ConnectionLimits`).
public enum PreviewServer {
    public struct Options: Sendable {
        public var root: URL
        public var output: URL
        public var hosts: [String]
        public var port: Int
        public var makePDFs: Bool
        /// How often inputs are checked for changes.
        public var pollInterval: Duration
        public var limits: ConnectionLimits

        public init(root: URL, output: URL, hosts: [String] = ["::1", "127.0.0.1"], port: Int = 8000, makePDFs: Bool = false,
                    pollInterval: Duration = .milliseconds(300), limits: ConnectionLimits = ConnectionLimits()) {
            self.root = root
            self.output = output
            self.hosts = hosts
            self.port = port
            self.makePDFs = makePDFs
            self.pollInterval = pollInterval
            self.limits = limits
        }
    }

    /// The time one phase of a build took (the names `BuildPipeline.run` gives its `lap`).
    public typealias Lap = (phase: String, duration: Duration)

    /// Builds once, then serves until a shutdown signal. `report` receives each build's outcome
    /// (or failure) with the time each phase took, and `listening` each address once it is bound.
    public static func run(
        _ options: Options, basePath: String,
        report: @escaping @Sendable (Result<BuildPipeline.Outcome, BuildPipeline.Failure>, [Lap]) -> Void,
        listening: @escaping @Sendable (String) -> Void
    ) async throws {
        let pipeline = BuildPipeline.Options(root: options.root, output: options.output, allowErrors: true, makePDFs: options.makePDFs)
        let version = Arc(Mutex(0))
        // The builds share what the last one kept (the cache, the site as loaded), so a rebuild
        // after an edit reads only the reports the watcher names.
        let session = BuildSession()
        let rebuild: @Sendable (InputChanges) -> Void = { changes in
            let clock = ContinuousClock()
            var last = clock.now
            var laps: [Lap] = []
            let outcome = Result { () throws(BuildPipeline.Failure) in
                try BuildPipeline.run(pipeline, session: session, changes: changes) { phase in
                    laps.append((phase, clock.now - last))
                    last = clock.now
                }
            }
            version.value.withLock { $0 += 1 }
            report(outcome, laps)
        }
        // Watching starts before the first build, so an edit made while it runs is not missed.
        let watcher = Arc(Mutex(SiteWatcher(root: options.root)))
        rebuild(.unknown)
        let files = PreviewFiles(root: options.output, basePath: basePath)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            respond(request, files: files, version: version.value.withLock { $0 })
        }
        var logger = Logger(label: "nianbao-serve")
        logger.logLevel = .warning
        raiseDescriptorLimit()
        // One registry for all listeners: the cap is on the process's connections.
        let registry = ConnectionRegistry(limit: options.limits.maxConnections)
        let limits = options.limits
        let server = HTTPServerBuilder { responder in
            GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder), limits: limits, registry: registry)
        }
        var services: [any Service] = options.hosts.map { host in
            Application(
                responder: responder, server: server,
                configuration: .init(address: .hostname(host, port: options.port), serverName: "nianbao"),
                onServerRunning: { channel in listening(channel.localAddress?.description ?? host) }, logger: logger)
        }
        services.append(Watcher(watcher: watcher, interval: options.pollInterval, rebuild: rebuild))
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigint, .sigterm], logger: logger)
        try await group.run()
    }

    static let reloadScript = """
        (function () {
          var seen = null;
          function poll() {
            fetch("/__nianbao/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (seen === null) seen = v; else if (v !== seen) location.reload();
            }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
          }
          poll();
        })();
        """

    /// Open files up to the hard limit: the connection cap keeps sockets well below a soft limit
    /// of 1,024, but the builds open files too.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// The response to a request: the preview's own endpoints, or a file of the output folder.
    static func respond(_ request: Request, files: PreviewFiles, version: Int) -> Response {
        guard request.method == .get || request.method == .head else {
            var response = text(.methodNotAllowed, "405 Method Not Allowed\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let path = request.uri.path
        switch path {
        case "/__nianbao/version": return text(.ok, String(version), type: "text/plain; charset=utf-8")
        case "/__nianbao/reload.js": return text(.ok, reloadScript, type: "text/javascript; charset=utf-8")
        default: break
        }
        switch files.resolve(path) {
        case .badRequest: return text(.badRequest, "400 Bad Request\n")
        case .redirect(let location):
            var response = Response(status: .movedPermanently)
            response.headers[.location] = location
            return response
        case .notFound:
            let page = files.resolve(files.basePath + "404.html")
            if case .file(let notFound, let type) = page, let data = FileManager.default.contents(atPath: notFound) {
                return body(.notFound, data, type: type)
            }
            return text(.notFound, "404 Not Found\n")
        case .file(let file, let type):
            guard let data = FileManager.default.contents(atPath: file) else { return text(.notFound, "404 Not Found\n") }
            return body(.ok, data, type: type)
        }
    }

    /// HTML gets the reload script before `</body>`.
    static func body(_ status: HTTPResponse.Status, _ data: Data, type: String) -> Response {
        var bytes = data
        if type.hasPrefix("text/html"), var html = String(data: data, encoding: .utf8), let end = html.range(of: "</body>", options: .backwards) {
            html.replaceSubrange(end, with: "<script src=\"/__nianbao/reload.js\"></script>\n</body>")
            bytes = Data(html.utf8)
        }
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.contentType] = type
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, type: String = "text/plain; charset=utf-8") -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = type
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// Rebuilds when the site's input changes.
struct Watcher: Service {
    let watcher: Arc<Mutex<SiteWatcher>>
    /// How often files are polled; events named by the system are looked at more often.
    let interval: Duration
    let rebuild: @Sendable (InputChanges) -> Void

    /// An editor saves in steps (a temporary file, a rename) within a few milliseconds: changes
    /// are gathered until a short quiet moment (or for half a second at most), then built at once.
    static let settle = Duration.milliseconds(20)
    /// How often events the system names are looked at: a read of the inotify queue, which costs
    /// nothing while it is empty. With `settle`, it is most of the time between a save and the
    /// rebuild's start.
    static let eventTick = Duration.milliseconds(20)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // Asked each time: a watcher that had to turn to polling polls at `interval`.
            let tick = watcher.value.withLock { $0.namesChanges } ? min(interval, Self.eventTick) : interval
            try? await Task.sleep(for: tick)
            guard var changes = watcher.value.withLock({ $0.changes() }) else { continue }
            var waited = 0
            while case .paths(let paths) = changes, waited < 25 {
                waited += 1
                try? await Task.sleep(for: Self.settle)
                guard let more = watcher.value.withLock({ $0.changes() }) else { break }
                if case .paths(let added) = more { changes = .paths(paths.union(added)) } else { changes = more }
            }
            rebuild(changes)
        }
    }
}

/// A shared reference to a value that cannot be copied (a `Mutex`), for closures to capture.
final class Arc<Value: ~Copyable & Sendable>: Sendable {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
}
