import CCurl
import Foundation

/// HTTP GETs over a chosen IP version, through libcurl: bounded in time and in body size, and
/// following redirects only within the host being audited.
public struct HTTPFetcher: Sendable {
    public enum IPVersion: Int32, Sendable { case any = 0, v4 = 1, v6 = 2 }

    public struct Response: Sendable {
        public let status: Int
        /// At most `maxBytes` of the body.
        public let body: Data
        /// The address connected to, or empty.
        public let address: String
        /// Why no response came, or nil.
        public let error: String?
        /// The URL the body came from, after the redirects followed.
        public var url: String = ""
        /// The body was longer than `maxBytes` and its reading was stopped there.
        public var truncated = false
        /// The request was cut short by the audit's deadline, not by its own timeout: it tells
        /// nothing about the page.
        public var stoppedByDeadline = false

        public var isSuccess: Bool { error == nil && (200..<400).contains(status) }
    }

    /// The longest a single request may take (the deadline may cut it shorter).
    public let timeout: Duration
    /// `host:port:address[,address]` entries, as curl's --resolve takes them.
    public let resolve: [String]
    /// Bodies longer than this are not read further.
    public let maxBytes: Int
    /// Redirects followed in a row at most.
    public static let maxRedirects = 5
    /// No request starts with less time than this before the deadline: it could not finish.
    static let shortestStart = Duration.milliseconds(100)

    private static let initialised: Bool = {
        nb_global_init()
        return true
    }()

    public init(timeout: Duration = .seconds(10), resolve: [String] = [], maxBytes: Int = 8 << 20) {
        self.timeout = timeout
        self.resolve = resolve
        self.maxBytes = max(1, maxBytes)
    }

    /// GETs `url`, following redirects that stay on its host (`RedirectPolicy`); a redirect
    /// anywhere else is an error naming its target, not followed. Nothing is started at or
    /// after `end`, and no request runs past it: nil if there was no time to start.
    public func get(_ url: String, over version: IPVersion, before end: ContinuousClock.Instant) -> Response? {
        var current = url
        for _ in 0...Self.maxRedirects {
            let left = end - ContinuousClock.now
            guard left >= Self.shortestStart else { return current == url ? nil : Self.stopped(current) }
            let clipped = left < timeout
            var response = get(current, over: version, timeout: clipped ? left : timeout)
            response.url = current
            if response.error != nil, clipped, response.timedOut { response.stoppedByDeadline = true }
            guard let target = response.redirect else { return response.asResponse }
            guard RedirectPolicy.follows(from: current, to: target) else {
                return Response(
                    status: response.status, body: Data(), address: response.address,
                    error: "重定向到所检测主机以外的 \(target)，未跟随（redirect off the audited host, not followed）", url: current)
            }
            current = target
        }
        return Response(
            status: 0, body: Data(), address: "", error: "重定向超过 \(Self.maxRedirects) 次（too many redirects）", url: current)
    }

    /// A request not made because the deadline came while redirects were being followed.
    static func stopped(_ url: String) -> Response {
        Response(status: 0, body: Data(), address: "", error: "时限已到（deadline reached）", url: url, stoppedByDeadline: true)
    }

    /// One request, redirects not followed.
    func get(_ url: String, over version: IPVersion, timeout: Duration) -> Raw {
        precondition(Self.initialised)
        var raw = nb_response()
        let milliseconds = max(1, Int(IPv6Audit.seconds(timeout) * 1000))
        let list = resolve.isEmpty ? nil : resolve.joined(separator: "\n")
        let code = url.withCString { address in
            if let list {
                return list.withCString { nb_fetch(address, version.rawValue, milliseconds, maxBytes, $0, &raw) }
            }
            return nb_fetch(address, version.rawValue, milliseconds, maxBytes, nil, &raw)
        }
        defer { nb_response_free(&raw) }
        let body = raw.body.map { Data(bytes: $0, count: raw.length) } ?? Data()
        let address = withUnsafeBytes(of: raw.primary_ip) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let error = code == 0 ? nil : withUnsafeBytes(of: raw.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let redirect = (300..<400).contains(raw.status) ? raw.redirect_url.map { String(cString: $0) } : nil
        return Raw(
            status: raw.status, body: body, address: address, error: error, truncated: raw.truncated != 0, redirect: redirect,
            timedOut: code == 28)  // CURLE_OPERATION_TIMEDOUT
    }

    /// What one request gave, before redirects are judged.
    struct Raw {
        let status: Int
        let body: Data
        let address: String
        let error: String?
        let truncated: Bool
        let redirect: String?
        let timedOut: Bool
        var url = ""
        var stoppedByDeadline = false

        var asResponse: Response {
            Response(status: status, body: body, address: address, error: error, url: url, truncated: truncated, stoppedByDeadline: stoppedByDeadline)
        }
    }
}

/// Which redirects the audit follows: those that stay on the audited host, as the monitoring
/// counts a page by the host it is on. Same scheme, host and port, or the usual upgrade from
/// http to https on the same host; anything else (another host, a downgrade to http, another
/// port under the same scheme) is reported, not followed.
public enum RedirectPolicy {
    public static func follows(from source: String, to target: String) -> Bool {
        guard let from = URLComponents(string: source), let to = URLComponents(string: target),
            let fromScheme = from.scheme?.lowercased(), let toScheme = to.scheme?.lowercased(),
            let fromHost = from.host?.lowercased(), let toHost = to.host?.lowercased(), !toHost.isEmpty,
            fromHost == toHost
        else { return false }
        if fromScheme == toScheme { return port(of: from, scheme: fromScheme) == port(of: to, scheme: toScheme) }
        return fromScheme == "http" && toScheme == "https"
    }

    static func port(of url: URLComponents, scheme: String) -> Int? {
        url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
    }
}
