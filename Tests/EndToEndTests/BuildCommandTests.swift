import Foundation
import Testing

/// `nianbao build` as a user runs it: exit codes, what goes to stdout and stderr, and what is
/// left on disk when a build succeeds, is refused or fails.
@Suite struct BuildCommandTests {
    /// A copy of the shipped site without a Themes/ folder, so the theme nianbao ships with is used.
    static func sampleSite() throws -> ScratchSite {
        let site = try ScratchSite()
        for agency in ["jiangyu-tax", "qingshan-county", "qingshan-tax"] { try site.copySample(agency: agency) }
        try site.write("nianbao.yaml", try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), encoding: .utf8))
        return site
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    @Test("a clean site builds into Output/ with the built-in theme; findings on stdout, summary on stderr")
    func builds() throws {
        let site = try Self.sampleSite()
        let result = try Nianbao.run(["build", "-s", site.root.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("13 份报告：0 个错误"))
        #expect(result.stderr.contains("已生成 13 份报告、26 个页面、13 个 PDF"))
        let files = Self.snapshot(site.root.appendingPathComponent("Output"))
        for path in ["index.html", "jiangyu-tax/index.html", "jiangyu-tax/2024/index.html", "jiangyu-tax/2024/data.csv",
                     "data/all.json", "search-index.json", "sitemap.xml", "feed.xml", "robots.txt", "404.html",
                     "deploy/manifest.json", "deploy/nginx.conf", "deploy/apache.conf", "deploy/README.md", ".nianbao-output"] {
            #expect(files[path] != nil, "\(path)")
        }
        // Stylesheets and scripts carry a fingerprint of their content in their name.
        #expect(files.keys.contains { $0.wholeMatch(of: /assets\/style\.[0-9a-f]{8}\.css/) != nil })
        #expect(files.keys.contains { $0.wholeMatch(of: /assets\/search\.[0-9a-f]{8}\.js/) != nil })
    }

    #if os(Linux)
        @Test("on Linux the build runs on mimalloc in 2 MB pages, not glibc's allocator (NIANBAO_TIMINGS names it)")
        func allocator() throws {
            let site = try Self.sampleSite()
            let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"], environment: ["NIANBAO_TIMINGS": "1"])
            #expect(result.status == 0, "\(result.stderr)")
            // Linked after libc, mimalloc would be loaded but glibc's malloc would serve the process.
            #expect(result.stderr.contains("(allocator): mimalloc"), "\(result.stderr)")
            #expect(result.stderr.contains(", 2 MB pages"), "\(result.stderr)")
        }
    #endif

    @Test("two builds give identical bytes (SHA-256 of every file)")
    func deterministic() throws {
        let site = try Self.sampleSite()
        for folder in ["first", "second"] {
            let result = try Nianbao.run(["build", "-s", site.root.path, "-o", site.root.appendingPathComponent(folder).path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // sha256sum of every file, by relative path, in each folder.
        func digests(_ folder: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum"]
            process.currentDirectoryURL = site.root.appendingPathComponent(folder)
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let first = try digests("first")
        #expect(first.components(separatedBy: "\n").count > 50)
        // The PDFs are among them whenever the print fonts are installed (always under CI).
        #expect(first.contains("/report.pdf") || !PublishedSiteTests.underCI)
        #expect(first == (try digests("second")))
    }

    @Test("a report with errors is withheld (exit 1), the others built; --all-or-nothing refuses all; --allow-errors builds anyway")
    func refusesErrors() throws {
        let site = try Self.sampleSite()
        let file = "Content/jiangyu-tax/2024/tables.yaml"
        try site.write(file, try site.read(file).replacingOccurrences(of: "本年处理决定数量: 2718", with: "本年处理决定数量: 2718件"))
        let refused = try Nianbao.run(["build", "-s", site.root.path, "--all-or-nothing"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("\(file):"))
        #expect(refused.stderr.contains("未生成网站"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        let withheld = try Nianbao.run(["build", "-s", site.root.path])
        #expect(withheld.status == 1)
        #expect(withheld.stdout.contains("\(file):"))
        #expect(withheld.stderr.contains("有 1 份报告因有错误未发布"), "\(withheld.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/jiangyu-tax/2023/report.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/jiangyu-tax/2024").path))
        let allowed = try Nianbao.run(["build", "-s", site.root.path, "--allow-errors"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/index.html").path))
    }

    @Test("a template that includes itself refuses the build; published with --allow-errors, its pages are not cached as done")
    func runawayTemplate() throws {
        let site = try Self.sampleSite()
        try site.write("nianbao.yaml", try site.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: loop"))
        try site.write("Themes/loop/templates/print.mustache", "<main>{{>print}}</main>\n")
        let refused = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("Themes/loop/templates/print.mustache") && refused.stdout.contains("theme-template"), "\(refused.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        let allowed = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        // The next build, from the cache, must not take the cut-short pages for finished ones.
        let again = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(again.status == 1)
        #expect(again.stdout.contains("theme-template"), "\(again.stdout)")
    }

    @Test("a build that fails leaves the previous Output/ byte-identical")
    func failedBuildKeepsOutput() throws {
        let site = try Self.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path]).status == 0)
        let output = site.root.appendingPathComponent("Output")
        let before = Self.snapshot(output)
        try site.write("nianbao.yaml", try site.read("nianbao.yaml").replacingOccurrences(of: "theme: default", with: "theme: mine"))
        try site.write("Themes/mine/templates/report.mustache", "{{<layout}}{{$main}}{{#report}}\n{{/layout}}\n")
        let failed = try Nianbao.run(["build", "-s", site.root.path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("Themes/mine/templates/report.mustache:"))
        #expect(Self.snapshot(output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("nianbao-") && $0 != ".nianbao-cache" }
        #expect(siblings.isEmpty)
    }

    @Test("a folder nianbao did not create is never replaced")
    func refusesForeignFolder() throws {
        let site = try Self.sampleSite()
        try site.write("public/mine.txt", "不要删除")
        let result = try Nianbao.run(["build", "-s", site.root.path, "-o", site.root.appendingPathComponent("public").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("不是 nianbao 生成的"))
        #expect(Self.snapshot(site.root.appendingPathComponent("public")) == ["mine.txt": Data("不要删除".utf8)])
    }

    @Test("a broken link in the narrative fails the build (--all-or-nothing) with its file, line and column; Output is left as it was")
    func brokenLink() throws {
        let site = try Self.sampleSite()
        #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf"]).status == 0)
        let before = Self.snapshot(site.root.appendingPathComponent("Output"))
        let file = "Content/qingshan-tax/2023/report.md"
        try site.write(file, try site.read(file) + "\n参见[上级机关年报](../../jiangyu-tax/2019/)。\n")
        let lines = try site.read(file).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("上级机关年报") }) + 1
        let result = try Nianbao.run(["build", "-s", site.root.path, "--format", "github", "--all-or-nothing"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=\(file),line=\(line),col=12,title=nianbao link-broken::"), "\(result.stdout)")
        // The link is found after the pages were written to the staging folder, which is dropped.
        #expect(Self.snapshot(site.root.appendingPathComponent("Output")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("nianbao-") && $0 != ".nianbao-cache" }.isEmpty)
    }
}
