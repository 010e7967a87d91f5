import Foundation
import Testing

/// `nianbao serve` as a user runs it: both loopback addresses, safe paths, rebuild on change, Ctrl-C.
@Suite(.enabled(if: PublishedSiteTests.installed("curl") || PublishedSiteTests.underCI, "curl is not installed"))
struct ServeCommandTests {
    /// A running `nianbao serve` on a random port, stopped with SIGINT at the end.
    final class Server {
        let process = Process()
        let port = Int.random(in: 41_000...60_000)
        let errors = Pipe()

        init(site: URL) throws {
            process.executableURL = Nianbao.executable
            process.arguments = ["serve", "-s", site.path, "--port", String(port)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
        }

        func stop() -> Int32 {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit { if process.isRunning { process.terminate() } }

        func get(_ path: String, ipv6: Bool = true) throws -> (status: String, body: String) {
            let host = ipv6 ? "http://[::1]:\(port)" : "http://127.0.0.1:\(port)"
            let result = try PublishedSiteTests.run(
                "curl", ["-s", "--path-as-is", ipv6 ? "-6" : "-4", "--max-time", "5", "-w", "\n%{http_code}", host + path])
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
        }

        /// Waits until the server answers on both addresses.
        func ready() throws {
            for _ in 0..<100 {
                if try get("/", ipv6: true).status == "301", try get("/", ipv6: false).status == "301" { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw Failure()
        }
    }

    struct Failure: Error {}

    @Test("serves on [::1] and 127.0.0.1 under the base path; refuses traversal; rebuilds on change; stops on Ctrl-C")
    func serve() throws {
        let site = try BuildCommandTests.sampleSite()
        let server = try Server(site: site.root)
        try server.ready()
        let page = "/zfxxgk/ndbg/jiangyu-tax/2024/"
        let six = try server.get(page, ipv6: true)
        let four = try server.get(page, ipv6: false)
        #expect(six.status == "200" && four.status == "200")
        #expect(six.body == four.body)
        #expect(six.body.contains("全年收到政府信息公开申请53件") && six.body.contains("/__nianbao/reload.js"))
        #expect(try server.get("/").status == "301")
        for traversal in ["/zfxxgk/ndbg/../../../etc/passwd", "/zfxxgk/ndbg/%2e%2e/%2e%2e/etc/passwd", "/zfxxgk/ndbg/..%2f..%2fetc%2fpasswd"] {
            let answer = try server.get(traversal)
            #expect(answer.status == "400" || answer.status == "404", "\(traversal): \(answer.status)")
            #expect(!answer.body.contains("root:"))
        }
        // A symbolic link inside the preview folder that leads outside it is not followed.
        let preview = site.root.appendingPathComponent(".nianbao-preview")
        try FileManager.default.createSymbolicLink(atPath: preview.appendingPathComponent("escape.txt").path, withDestinationPath: "/etc/passwd")
        #expect(try server.get("/zfxxgk/ndbg/escape.txt").status == "404")
        let missing = try server.get("/zfxxgk/ndbg/no/such/page")
        #expect(missing.status == "404" && missing.body.contains("页面不存在"))
        #expect(try server.get("/zfxxgk/ndbg/deploy/manifest.json").status == "404")

        // Change the narrative: the next requests show it once the rebuild is done, and the
        // version the reload script polls changes, so open pages reload.
        let before = try server.get("/__nianbao/version").body
        let file = "Content/jiangyu-tax/2024/report.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "全年收到政府信息公开申请53件", with: "全年收到政府信息公开申请53件（已更新）"))
        var updated = false
        for _ in 0..<100 where !updated {
            Thread.sleep(forTimeInterval: 0.1)
            updated = try server.get(page).body.contains("（已更新）")
        }
        #expect(updated, "the change did not show up within 10 s")
        // The version moves once the whole build is done (the cache saved too), a moment after
        // the pages: an open page must not reload before the new pages are there.
        var moved = false
        for _ in 0..<100 where !moved {
            moved = try server.get("/__nianbao/version").body != before
            if !moved { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(moved, "the version did not change within 10 s of the new page")
        #expect(try server.get("/__nianbao/reload.js").body.contains("location.reload()"))
        #expect(server.stop() == 0)
        let log = String(decoding: server.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("http://[::1]:\(server.port)/zfxxgk/ndbg/") && log.contains("http://127.0.0.1:\(server.port)/zfxxgk/ndbg/"))
        // The rebuild started from the build cache: only the edited report was rendered again.
        #expect(log.contains("增量：重新生成 1 份"), "\(log)")
        #expect(log.contains("秒"), "each build says how long it took: \(log)")
        // The preview never touches Output/.
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
    }
}
