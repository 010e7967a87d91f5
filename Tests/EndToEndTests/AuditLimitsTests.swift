import Foundation
import Testing

/// `nianbao audit-ipv6` against a loopback site that misbehaves (scripts/audit-hostile-server.py):
/// redirects off the host, bodies that drip or never end. Names are resolved with --resolve, so
/// no traffic leaves loopback.
@Suite(.enabled(if: PublishedSiteTests.installed("python3") || PublishedSiteTests.underCI, "python3 is not installed"))
struct AuditLimitsTests {
    final class HostileSite {
        let process = Process()
        let port = Int.random(in: 7_000...9_600) * 3

        init() throws {
            process.executableURL = URL(fileURLWithPath: AuditCommandTests.TestSite.python)
            let script = Nianbao.repositoryRoot.appendingPathComponent("scripts/audit-hostile-server.py").path
            process.arguments = [script, String(port)]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            _ = out.fileHandleForReading.availableData  // "ready"
        }

        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func url(_ path: String) -> String { "http://site.test:\(port)\(path)" }
        var resolve: [String] {
            [
                "--resolve", "site.test:\(port):[::1],127.0.0.1", "--resolve", "other.test:\(port + 1):[::1],127.0.0.1",
                "--resolve", "site.test:\(port + 2):[::1]",
            ]
        }

        /// Requests served per host and path ("site/x", "other/x") and body bytes sent per path,
        /// once the numbers have stopped moving (a server thread notices a closed connection
        /// only at its next write).
        func stats() throws -> (hits: [String: Int], sent: [String: Int]) {
            var last: (hits: [String: Int], sent: [String: Int])?
            for _ in 0..<20 {
                let result = try PublishedSiteTests.run("curl", ["-s", "-4", "--max-time", "5", "http://127.0.0.1:\(port)/stats"])
                let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Int]] ?? [:]
                var current = (hits: object["hits"] ?? [:], sent: object["sent"] ?? [:])
                current.hits["site/stats"] = nil
                if let last, last.sent == current.sent { return current }
                last = current
                Thread.sleep(forTimeInterval: 0.2)
            }
            return last ?? ([:], [:])
        }
    }

    /// A run of the executable, killed after `limit` seconds: with the wall time it took and the
    /// peak resident memory it reached (VmHWM, read while it ran).
    struct TimedRun {
        let status: Int32
        let stdout: String
        let seconds: Double
        let peakKB: Int
        let killed: Bool
    }

    static func run(_ arguments: [String], limit: Double) throws -> TimedRun {
        let process = Process()
        process.executableURL = Nianbao.executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        let box = DataBox()
        let done = DispatchSemaphore(value: 0)
        let descriptor = out.fileHandleForReading.fileDescriptor
        Thread.detachNewThread {
            box.data = drain(descriptor)
            done.signal()
        }
        var peak = 0
        var killed = false
        while process.isRunning {
            peak = max(peak, ServeLimitsTests.status(of: process.processIdentifier, "VmHWM") ?? 0)
            if Date().timeIntervalSince(started) > limit {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        done.wait()
        return TimedRun(
            status: process.terminationStatus, stdout: String(decoding: box.data, as: UTF8.self), seconds: seconds, peakKB: peak,
            killed: killed)
    }

    static func report(_ run: TimedRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
    }

    static func failures(_ report: [String: Any], level: Int) -> [String: String] {
        let levels = report["levels"] as? [[String: Any]] ?? []
        let entry = levels.first { $0["level"] as? Int == level } ?? [:]
        return Dictionary((entry["failures"] as? [[String: String]] ?? []).map { ($0["url"] ?? "", $0["reason"] ?? "") }) { a, _ in a }
    }

    @Test("redirects are followed only within the audited host; others are failures naming the target, not requested")
    func redirects() throws {
        let site = try HostileSite()
        let run = try Self.run(["audit-ipv6", site.url("/redirects/"), "--format", "json"] + site.resolve, limit: 60)
        #expect(!run.killed)
        let report = try Self.report(run)
        let failures = Self.failures(report, level: 2)
        let away = try #require(failures[site.url("/r/away")], "\(failures)")
        #expect(away.contains("http://other.test:\(site.port + 1)/landing") && away.contains("未跟随"))
        // Same host, another port under the same scheme: not followed either.
        #expect(failures[site.url("/r/port")]?.contains("http://site.test:\(site.port + 1)/ok.html") == true)
        #expect(failures[site.url("/r/loop")]?.contains("重定向超过") == true)
        // The upgrade to https on the same host is followed (nothing answers there, so it fails
        // on the connection, not on the policy).
        let https = try #require(failures[site.url("/r/https")])
        #expect(!https.contains("未跟随"), "\(https)")
        // Within the host: followed, and passing.
        #expect(failures[site.url("/r/relative")] == nil && failures[site.url("/r/chain")] == nil)
        let levels = report["levels"] as? [[String: Any]] ?? []
        #expect(levels.map { $0["checked"] as? Int } == [1, 7, 0])
        #expect(levels.map { $0["passed"] as? Int } == [1, 3, 0])
        let stats = try site.stats()
        #expect(stats.hits.keys.filter { $0.hasPrefix("other/") }.isEmpty, "the other host was requested: \(stats.hits)")
        #expect(stats.hits["site/ok.html"] == 3, "\(stats.hits)")
    }

    @Test("--deadline is a hard bound on the whole run: a dripping homepage with --deadline 5 --timeout 60")
    func deadlineOnDrippingHomepage() throws {
        let site = try HostileSite()
        let run = try Self.run(
            ["audit-ipv6", site.url("/drip/"), "--deadline", "5", "--timeout", "60", "--format", "json"] + site.resolve, limit: 40)
        #expect(!run.killed && run.seconds < 15, "took \(run.seconds) s")
        #expect(run.status == 1)
        let report = try Self.report(run)
        #expect(report["deadline_reached"] as? Bool == true)
        let homepage = try #require(report["homepage"] as? [String: Any])
        #expect((homepage["ipv6"] as? [String: Any])?["ok"] as? Bool == false)
        #expect(Self.failures(report, level: 1)[site.url("/drip/")]?.contains("时限") == true)
    }

    @Test("no request starts after the deadline; requests it stops and those never started are counted as unchecked")
    func deadlineOnDrippingLinks() throws {
        let site = try HostileSite()
        let run = try Self.run(
            ["audit-ipv6", site.url("/drips/"), "--deadline", "4", "--timeout", "60", "--concurrency", "2", "--format", "json"]
                + site.resolve, limit: 40)
        #expect(!run.killed && run.seconds < 14, "took \(run.seconds) s")
        let report = try Self.report(run)
        #expect(report["deadline_reached"] as? Bool == true)
        #expect(report["unchecked"] as? Int == 20)
        let levels = report["levels"] as? [[String: Any]] ?? []
        #expect(levels.map { $0["checked"] as? Int } == [1, 0, 0])
        let text = try Self.run(
            ["audit-ipv6", site.url("/drips/"), "--deadline", "2", "--timeout", "60", "--concurrency", "2"] + site.resolve, limit: 40)
        #expect(text.stdout.contains("另有 20 个链接因页数或时间上限未检查") && text.stdout.contains("时限已到"), "\(text.stdout)")
        // Two workers, each stopped at the deadline of its run: two requests per run, no more.
        let drips = try site.stats().hits.filter { $0.key.hasPrefix("site/drip/") }.values.reduce(0, +)
        #expect(drips == 4, "\(drips) requests of dripping pages")
    }

    @Test("the deadline also bounds reading the links of a large page (500,000 links in 21 MB)")
    func deadlineOnLargePage() throws {
        let site = try HostileSite()
        let run = try Self.run(
            ["audit-ipv6", site.url("/links/"), "--deadline", "3", "--max-pages", "5", "--max-body", "32", "--format", "json"] + site.resolve, limit: 60)
        #expect(!run.killed && run.seconds < 8, "took \(run.seconds) s")
        let report = try Self.report(run)
        // How far it got depends on the machine; the links not fetched are counted.
        let checked = (report["levels"] as? [[String: Any]])?.map { $0["checked"] as? Int ?? -1 } ?? []
        #expect(checked.count == 3 && checked[0] == 1 && checked[1] <= 5, "\(checked)")
        #expect((report["unchecked"] as? Int ?? 0) > 0)
    }

    @Test("a page of 8 MB of tags that never close is read once, not once per byte: the audit ends within its deadline")
    func unclosedTags() throws {
        let site = try HostileSite()
        let run = try Self.run(["audit-ipv6", site.url("/tags/"), "--deadline", "5", "--format", "json"] + site.resolve, limit: 60)
        #expect(!run.killed && run.seconds < 10, "took \(run.seconds) s")
    }

    @Test("an endless body is cut at the size cap, and memory stays bounded; an announced huge body is not read")
    func bodyCap() throws {
        let site = try HostileSite()
        let endless = try Self.run(["audit-ipv6", site.url("/endless/"), "--timeout", "5", "--format", "json"] + site.resolve, limit: 40)
        #expect(!endless.killed)
        let report = try Self.report(endless)
        let homepage = try #require(report["homepage"] as? [String: Any])
        let ipv6 = try #require(homepage["ipv6"] as? [String: Any])
        #expect(ipv6["ok"] as? Bool == true && ipv6["truncated"] as? Bool == true, "\(ipv6)")
        #expect(report["truncated"] as? [String] == [site.url("/endless/")])
        // Both homepage fetches (IPv6 and IPv4) stop at 8 MB; what the sockets buffer besides is
        // a few MB. Without the cap each read for the whole 5 s timeout.
        let sent = try site.stats().sent["/endless/"] ?? 0
        #expect(sent < 48 << 20, "\(sent >> 20) MB sent")
        #expect(endless.peakKB > 0 && endless.peakKB < 160_000, "peak \(endless.peakKB) kB")

        let announced = try Self.run(
            ["audit-ipv6", site.url("/announced/"), "--max-body", "1", "--timeout", "5", "--format", "json"] + site.resolve, limit: 40)
        let second = try Self.report(announced)
        #expect(((second["homepage"] as? [String: Any])?["ipv6"] as? [String: Any])?["truncated"] as? Bool == true)
        let announcedSent = try site.stats().sent["/announced/"] ?? 0
        #expect(announcedSent < 32 << 20, "\(announcedSent >> 20) MB sent")
        #expect(try Nianbao.run(["audit-ipv6", site.url("/"), "--max-body", "0"]).status == 64)
    }
}
