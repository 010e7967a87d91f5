import Foundation
import Testing

/// `nianbao audit-ipv6` against a loopback test site (scripts/audit-test-server.py) whose pages
/// differ over IPv6 and IPv4. Names are resolved with --resolve, so no traffic leaves loopback.
@Suite(.enabled(if: PublishedSiteTests.installed("python3") || PublishedSiteTests.underCI, "python3 is not installed"))
struct AuditCommandTests {
    final class TestSite {
        let process = Process()
        let port = Int.random(in: 20_000...30_000) * 2

        /// The interpreter itself, not a wrapper such as pyenv's shim, which would not pass SIGTERM on.
        static let python: String = {
            let found = try? PublishedSiteTests.run("python3", ["-c", "import sys; print(sys.executable)"])
            return found?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "/usr/bin/python3"
        }()

        init(pages: Int = 0) throws {
            process.executableURL = URL(fileURLWithPath: Self.python)
            let script = Nianbao.repositoryRoot.appendingPathComponent("scripts/audit-test-server.py").path
            process.arguments = [script, String(port)] + (pages > 0 ? ["--pages", String(pages)] : [])
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            _ = out.fileHandleForReading.availableData  // "ready"
        }

        deinit {
            // SIGKILL: a child started by the test process may inherit SIGTERM blocked.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        var url: String { "http://site.test:\(port)/" }
        var resolve: [String] { ["--resolve", "site.test:\(port):[::1],127.0.0.1", "--resolve", "site.test:\(port + 1):127.0.0.1"] }
    }

    @Test("rates and failing URLs per level; only the given host is fetched; exit 1 below the minimum")
    func audit() throws {
        let site = try TestSite()
        let result = try Nianbao.run(["audit-ipv6", site.url, "--format", "json"] + site.resolve)
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["aaaa"] as? [String] == ["::1"])
        #expect(report["a"] as? [String] == ["127.0.0.1"])
        let homepage = try #require(report["homepage"] as? [String: Any])
        #expect((homepage["ipv6"] as? [String: Any])?["ok"] as? Bool == true)
        #expect((homepage["ipv4"] as? [String: Any])?["ok"] as? Bool == true)
        #expect(homepage["same_content"] as? Bool == true)
        let levels = try #require(report["levels"] as? [[String: Any]])
        #expect(levels.map { $0["checked"] as? Int } == [1, 5, 3])
        #expect(levels.map { $0["passed"] as? Int } == [1, 2, 2])
        let failures = levels.map { level in
            Dictionary(uniqueKeysWithValues: (level["failures"] as? [[String: String]] ?? []).map { ($0["url"]!, $0["reason"]!) })
        }
        let base = "http://site.test:\(site.port)"
        #expect(failures[1]["\(base)/c.html"] == "HTTP 500")
        #expect(failures[1]["\(base)/missing.html"] == "HTTP 404")
        #expect(failures[1]["http://site.test:\(site.port + 1)/v4only.html"] != nil)
        #expect(failures[2] == ["\(base)/a2.html": "HTTP 404"])
        #expect(!result.stdout.contains("elsewhere.test"))
        // The same site passes a lower bar.
        #expect(try Nianbao.run(["audit-ipv6", site.url, "--min-rate", "40"] + site.resolve).status == 0)
        let text = try Nianbao.run(["audit-ipv6", site.url] + site.resolve).stdout
        #expect(text.contains("二级链接：2/5 可经 IPv6 访问（40.0%）  低于 90%"))
    }

    @Test("a site with no IPv6 answer fails at the homepage")
    func unreachable() throws {
        let port = Int.random(in: 30_000...40_000)
        let result = try Nianbao.run(["audit-ipv6", "http://site.test:\(port)/", "--timeout", "2", "--resolve", "site.test:\(port):127.0.0.1", "--format", "json"])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["aaaa"] as? [String] == [])
        #expect(((report["homepage"] as? [String: Any])?["ipv6"] as? [String: Any])?["ok"] as? Bool == false)
    }

    @Test("bad arguments are usage errors")
    func usage() throws {
        #expect(try Nianbao.run(["audit-ipv6", "ftp://site.test/"]).status == 64)
        #expect(try Nianbao.run(["audit-ipv6", "https://site.test/", "--min-rate", "150"]).status == 64)
    }
}
