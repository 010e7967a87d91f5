import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `nianbao serve` under clients that misbehave: thousands of connections that never finish a
/// request head, idle keep-alive connections, HTTP/1.0 clients, other methods.
@Suite(.enabled(if: PublishedSiteTests.installed("curl") || PublishedSiteTests.underCI, "curl is not installed"))
struct ServeLimitsTests {
    static let page = "/zfxxgk/ndbg/jiangyu-tax/2024/"

    /// A line of /proc/PID/status in kB ("VmRSS", "VmHWM"), or nil once the process is gone.
    static func status(of pid: pid_t, _ key: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(key + ":") }
        return line.flatMap { Int($0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") }
    }

    /// Raises this process's open-file limit (the server, started after, inherits it) so that
    /// thousands of client sockets fit.
    static func raiseDescriptorLimit(to wanted: rlim_t) -> rlim_t {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < wanted {
            limit.rlim_cur = min(wanted, limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        return limit.rlim_cur
    }

    /// A TCP connection to 127.0.0.1:`port`, with send and receive timeouts.
    static func connect(port: Int, timeout: Int = 2) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
    }

    /// Whether the server has closed `socket` (end of stream or reset), without waiting; what
    /// it sent before is read and dropped.
    static func closedByServer(_ socket: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
        }
    }

    /// One response read from `socket`: head and body (by Content-Length).
    static func response(from socket: Int32) -> (head: String, body: [UInt8])? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int?
        var length = 0
        while true {
            if let end = headEnd, data.count >= end + length {
                return (String(decoding: data[..<end], as: UTF8.self), Array(data[end..<(end + length)]))
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data += buffer[..<count]
            if headEnd == nil, let range = findHeadEnd(data) {
                headEnd = range
                let head = String(decoding: data[..<range], as: UTF8.self).lowercased()
                let line = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                length = line.flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            }
        }
    }

    static func findHeadEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for index in 3..<data.count where data[index - 3] == 13 && data[index - 2] == 10 && data[index - 1] == 13 && data[index] == 10 {
            return index + 1
        }
        return nil
    }

    /// Waits up to `seconds` for the server to close `socket`; the time it took, or nil.
    static func waitForClose(_ socket: Int32, within seconds: Double) -> Double? {
        let started = Date()
        while Date().timeIntervalSince(started) < seconds {
            if closedByServer(socket) { return Date().timeIntervalSince(started) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    @Test("5,000 dripping connections: memory stays bounded, a normal request is answered meanwhile, the server closes them")
    func drip() throws {
        let count = 5000
        try #require(Self.raiseDescriptorLimit(to: rlim_t(count * 2 + 1000)) >= rlim_t(count + 200), "open-file limit too low")
        let site = try BuildCommandTests.sampleSite()
        let server = try ServeCommandTests.Server(site: site.root)
        try server.ready()
        let pid = server.process.processIdentifier
        for _ in 0..<5 { _ = try server.get(Self.page) }
        let baseline = try #require(Self.status(of: pid, "VmRSS"))

        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        let opened = Date()
        for _ in 0..<count {
            guard let socket = Self.connect(port: server.port) else { continue }
            _ = Self.send(socket, "GET \(Self.page) HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Drip: ")
            sockets.append(socket)
        }
        #expect(sockets.count == count, "only \(sockets.count) connections opened")
        // (Opening them takes a while: the server's accept queue fills and the kernel makes
        // clients wait a second at times. The closing is timed from the last one.)
        let allOpen = Date()
        // No more than the cap (512) are held: each new one displaced the one idle longest.
        // (Counted once the server has taken the last ones from its accept queue.)
        Thread.sleep(forTimeInterval: 0.5)
        let held = sockets.filter { !Self.closedByServer($0) }.count
        #expect(held <= 512, "\(held) dripping connections held")
        // Drip one byte a second on every connection until the end of the test.
        let dripping = Flag()
        let all = sockets
        let dripper = Thread {
            while dripping.isOn {
                for socket in all { _ = Glibc.send(socket, "a", 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        dripper.start()
        defer { dripping.isOn = false }

        // A normal request, meanwhile.
        let asked = Date()
        let answer = try server.get(Self.page, ipv6: false)
        #expect(answer.status == "200" && answer.body.contains("全年收到政府信息公开申请53件"))
        #expect(Date().timeIntervalSince(asked) < 3, "a normal request took \(Date().timeIntervalSince(asked)) s")
        var peak = 0
        for _ in 0..<10 {
            peak = max(peak, Self.status(of: pid, "VmRSS") ?? 0)
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(peak - baseline < 50_000, "resident memory grew from \(baseline) kB to \(peak) kB")

        // Every dripping connection is closed by the server: displaced by newer ones, or at the
        // end of the time a request head may take.
        var open = sockets
        while !open.isEmpty, Date().timeIntervalSince(allOpen) < 25 {
            open.removeAll(where: Self.closedByServer)
            Thread.sleep(forTimeInterval: 0.25)
        }
        #expect(
            open.isEmpty,
            "\(open.count) dripping connections still open \(Date().timeIntervalSince(allOpen)) s after the last was opened (\(allOpen.timeIntervalSince(opened)) s to open them all)")
        #expect(try server.get(Self.page).status == "200")
        #expect(server.stop() == 0)
    }

    @Test("an idle keep-alive connection is closed by the server")
    func idle() throws {
        let site = try BuildCommandTests.sampleSite()
        let server = try ServeCommandTests.Server(site: site.root)
        try server.ready()
        let socket = try #require(Self.connect(port: server.port))
        defer { close(socket) }
        #expect(Self.send(socket, "GET \(Self.page) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        let answer = try #require(Self.response(from: socket))
        #expect(answer.head.hasPrefix("HTTP/1.1 200"))
        #expect(Self.waitForClose(socket, within: 20) != nil, "still open 20 s after its response")
        #expect(server.stop() == 0)
    }

    @Test("HTTP/1.0 gets its response and the connection closed (unless it asks for keep-alive); POST gets 405 with Allow")
    func protocolDetails() throws {
        let site = try BuildCommandTests.sampleSite()
        let server = try ServeCommandTests.Server(site: site.root)
        try server.ready()

        let plain = try #require(Self.connect(port: server.port))
        defer { close(plain) }
        #expect(Self.send(plain, "GET \(Self.page) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"))
        let first = try #require(Self.response(from: plain))
        #expect(first.head.hasPrefix("HTTP/1.1 200") && first.head.lowercased().contains("connection: close"), "\(first.head)")
        #expect(String(decoding: first.body, as: UTF8.self).contains("全年收到政府信息公开申请53件"))
        #expect(Self.waitForClose(plain, within: 3) != nil, "an HTTP/1.0 connection was left open")

        // HTTP/1.0 asking for keep-alive: told so, and kept for a second request.
        let kept = try #require(Self.connect(port: server.port))
        defer { close(kept) }
        for _ in 0..<2 {
            #expect(Self.send(kept, "GET \(Self.page) HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"))
            let answer = try #require(Self.response(from: kept))
            #expect(answer.head.lowercased().contains("connection: keep-alive"), "\(answer.head)")
        }

        // HTTP/1.1 with Connection: close.
        let closing = try #require(Self.connect(port: server.port))
        defer { close(closing) }
        #expect(Self.send(closing, "GET \(Self.page) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
        #expect(try #require(Self.response(from: closing)).head.lowercased().contains("connection: close"))
        #expect(Self.waitForClose(closing, within: 3) != nil)

        let post = try #require(Self.connect(port: server.port))
        defer { close(post) }
        #expect(Self.send(post, "POST \(Self.page) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\nab"))
        let refused = try #require(Self.response(from: post))
        #expect(refused.head.hasPrefix("HTTP/1.1 405"))
        #expect(refused.head.lowercased().contains("\r\nallow: get, head"), "\(refused.head)")
        #expect(server.stop() == 0)
    }
}

/// A flag one thread sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = true
    var isOn: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
