import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `build` and the output folder, tried as an attacker and as an unlucky administrator would
/// (issue 22): planted journals, links inside Output, two builds at once, files an administrator
/// put in Output, and an output folder inside what nianbao reads.
@Suite struct OutputSafetyTests {
    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func text(_ url: URL) -> String? { FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } }

    @Test("a planted journal with Output a link to ~/.ssh (a temporary HOME): build refuses, writes no key, deletes no note")
    func journalAttack() throws {
        let site = try BuildCommandTests.sampleSite()
        let home = site.root.appendingPathComponent("home")
        let ssh = home.appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: home.appendingPathComponent("notes.txt"))
        try Data("ssh-ed25519 AAAA owner".utf8).write(to: ssh.appendingPathComponent("known_hosts"))
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Output"), withDestinationURL: ssh)
        let left = site.root.appendingPathComponent(".Output.nianbao-update-\(try deadProcessID())")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        try Data("ssh-ed25519 AAAA attacker".utf8).write(to: left.appendingPathComponent("authorized_keys"))
        try Data("marker\nauthorized_keys\n/../notes.txt\n/known_hosts".utf8).write(to: left.appendingPathComponent(".journal"))
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"], environment: ["HOME": home.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("拒绝处理"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ssh.appendingPathComponent("authorized_keys").path))
        #expect(text(home.appendingPathComponent("notes.txt")) == "keep me")
        #expect(text(ssh.appendingPathComponent("known_hosts")) == "ssh-ed25519 AAAA owner")
    }

    @Test("a link inside Output is not written through: the edit lands in a real folder, a warning names the link, Output equals a full build")
    func linkInsideOutput() throws {
        let site = try BuildCommandTests.sampleSite()
        let first = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(first.status == 0, "\(first.stderr)")
        let output = site.root.appendingPathComponent("Output")
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: output.appendingPathComponent("qingshan-tax"), to: elsewhere)
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("qingshan-tax"), withDestinationURL: elsewhere)
        let before = BuildCommandTests.snapshot(elsewhere)
        let report = "Content/qingshan-tax/2023/report.md"
        try site.write(report, try site.read(report) + "\n另：本年度门户网站完成适老化改造。\n")
        let second = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("output-link"), "\(second.stdout)")
        #expect(BuildCommandTests.snapshot(elsewhere) == before)
        var info = stat()
        lstat(output.appendingPathComponent("qingshan-tax").path, &info)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
        let full = site.root.appendingPathComponent("Full")
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--no-cache", "-o", full.path]).status == 0)
        #expect(BuildCommandTests.snapshot(output) == BuildCommandTests.snapshot(full))
    }

    @Test("two builds of one site at once, 20 times: never two writers; Output ends equal to a full build and the next build finds nothing to do")
    func concurrentBuilds() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let report = "Content/qingshan-tax/2023/report.md"
        let original = try site.read(report)
        for round in 0..<20 {
            try site.write(report, original + "\n第\(round)轮测试补充说明。\n")
            let statuses = Mutex<[(Int32, String)]>([])
            let root = site.root.path
            // The second starts a little later each round, so that it reads the cache before the
            // first saves it and the output after the first has changed it.
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 1 { usleep(UInt32(round % 10) * 30_000) }
                let result = try? Nianbao.run(["build", "-s", root, "--no-pdf"])
                statuses.withLock { $0.append((result?.status ?? -1, result?.stderr ?? "")) }
            }
            for (status, stderr) in statuses.withLock({ $0 }) { #expect(status == 0, "\(stderr)") }
        }
        let full = site.root.appendingPathComponent("Full")
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--no-cache", "-o", full.path]).status == 0)
        #expect(BuildCommandTests.snapshot(site.root.appendingPathComponent("Output")) == BuildCommandTests.snapshot(full))
        let again = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(again.stderr.contains("重新生成 0 份报告，更新 0 个文件"), "\(again.stderr)")
    }

    @Test("while another process holds the site's build lock, build --no-wait exits 75 and build waits, saying why; --no-cache writes nothing into the site")
    func lockHeld() throws {
        let site = try BuildCommandTests.sampleSite()
        let descriptor = open(site.root.path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        let refused = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--no-wait"])
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("另一个 nianbao 正在生成此站点"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        // Released after a second: the waiting build then goes ahead.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { close(descriptor) }
        let waited = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(waited.stderr.contains("等它结束后再生成"))
        // The lock is the site folder itself: a build without the cache leaves no .nianbao-cache/.
        let bare = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", bare.root.path, "--no-pdf", "--no-cache"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: bare.root.appendingPathComponent(".nianbao-cache").path))
    }

    @Test("links planted in .nianbao-cache/ (it may come with a checked-out repository) are never written through")
    func cacheLinks() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let cache = site.root.appendingPathComponent(".nianbao-cache")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first)
        let victim = site.root.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let tokens = cache.appendingPathComponent(folder + "/tokens.bin")
        try FileManager.default.removeItem(at: tokens)
        try FileManager.default.createSymbolicLink(at: tokens, withDestinationURL: victim)
        let report = "Content/qingshan-tax/2023/report.md"
        try site.write(report, try site.read(report) + "\n补充说明。\n")
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        #expect(text(victim) == "precious")
        // The whole cache folder a link: the build goes on without saving a cache, and nothing is
        // written where the link points.
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: cache)
        try FileManager.default.createSymbolicLink(at: cache, withDestinationURL: elsewhere)
        let linked = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test("files an administrator put in Output survive incremental and full builds with a warning; static/ is copied and listed")
    func administratorFiles() throws {
        let site = try BuildCommandTests.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let output = site.root.appendingPathComponent("Output")
        try Data("google-site-verification: google123.html".utf8).write(to: output.appendingPathComponent("google123.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".well-known"), withIntermediateDirectories: true)
        try Data("Contact: mailto:web@example.gov.cn".utf8).write(to: output.appendingPathComponent(".well-known/security.txt"))
        let report = "Content/qingshan-tax/2023/report.md"
        try site.write(report, try site.read(report) + "\n补充说明。\n")
        let incremental = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(incremental.status == 0 && incremental.stderr.contains("增量生成"), "\(incremental.stderr)")
        let full = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--no-cache"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stdout.contains("output-foreign-file") && full.stdout.contains("google123.html"), "\(full.stdout)")
        #expect(text(output.appendingPathComponent("google123.html")) != nil)
        #expect(text(output.appendingPathComponent(".well-known/security.txt")) != nil)
        // Moved into static/, the file is published by every build and listed in the manifest.
        try site.write("static/google123.html", "google-site-verification: google123.html")
        try site.write("static/index.html", "not the home page")
        let withStatic = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(withStatic.status == 0, "\(withStatic.stderr)")
        #expect(withStatic.stdout.contains("static/index.html") && withStatic.stdout.contains("static-file"), "\(withStatic.stdout)")
        #expect(text(output.appendingPathComponent("index.html")) != "not the home page")
        #expect(text(output.appendingPathComponent("deploy/manifest.json"))?.contains(#""path": "google123.html""#) == true)
    }

    @Test("an output folder inside Content/, Themes/ or static/, the site folder itself or one holding the site is refused")
    func outputInsideSite() throws {
        let site = try BuildCommandTests.sampleSite()
        for output in ["Content/zz-out", "Themes/out", "static/out", ".", ".."] {
            let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "-o", site.root.appendingPathComponent(output).path])
            #expect(result.status == 1, "\(output): \(result.stderr)")
            #expect(result.stderr.contains("输出文件夹"), "\(output): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/zz-out").path))
        #expect(try Nianbao.run(["check", "-s", site.root.path]).status == 0)
    }
}


/// `serve` publishes the site's static/ folder as `build` does, and sees it change.
@Suite(.enabled(if: PublishedSiteTests.installed("curl") || PublishedSiteTests.underCI, "curl is not installed"))
struct ServeStaticFilesTests {
    @Test("a file added to static/ while serve runs is served at the same path")
    func staticFileAppears() throws {
        let site = try BuildCommandTests.sampleSite()
        let server = try ServeCommandTests.Server(site: site.root)
        try server.ready()
        #expect(try server.get("/zfxxgk/ndbg/verify-123.txt").status == "404")
        try site.write("static/verify-123.txt", "verification token 123")
        var served = false
        for _ in 0..<100 where !served {
            Thread.sleep(forTimeInterval: 0.1)
            let answer = try server.get("/zfxxgk/ndbg/verify-123.txt")
            served = answer.status == "200" && answer.body == "verification token 123"
        }
        #expect(served, "the static file was not served within 10 s")
        #expect(server.stop() == 0)
    }
}
