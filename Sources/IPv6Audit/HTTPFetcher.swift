import CCurl
import Foundation

/// HTTP GETs over a chosen IP version, through libcurl.
public struct HTTPFetcher: Sendable {
    public enum IPVersion: Int32, Sendable { case any = 0, v4 = 1, v6 = 2 }

    public struct Response: Sendable {
        public let status: Int
        public let body: Data
        /// The address connected to, or empty.
        public let address: String
        /// Why no response came, or nil.
        public let error: String?

        public var isSuccess: Bool { error == nil && (200..<400).contains(status) }
    }

    public let timeout: Duration
    /// `host:port:address[,address]` entries, as curl's --resolve takes them.
    public let resolve: [String]
    public let maxBytes: Int

    private static let initialised: Bool = {
        nb_global_init()
        return true
    }()

    public init(timeout: Duration = .seconds(10), resolve: [String] = [], maxBytes: Int = 4 << 20) {
        self.timeout = timeout
        self.resolve = resolve
        self.maxBytes = maxBytes
    }

    public func get(_ url: String, over version: IPVersion) -> Response {
        precondition(Self.initialised)
        var raw = nb_response()
        let milliseconds = Int(IPv6Audit.seconds(timeout) * 1000)
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
        return Response(status: raw.status, body: body, address: address, error: error)
    }
}
