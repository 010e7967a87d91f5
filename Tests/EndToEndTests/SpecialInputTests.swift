import Foundation
import Testing

/// Inputs the bad-input corpus cannot hold as committed files: a named pipe (FIFO) in place of
/// an input file, which blocked `open(2)` forever, and an agency folder whose name is not UTF-8
/// (a GB18030 name), which was read under a garbled name and its reports silently left out.
@Suite("special inputs")
struct SpecialInputTests {
    /// `nianbao` with `arguments`, killed after `seconds` (exit status 137 from `timeout`).
    static func run(_ arguments: [String], seconds: Int = 60) throws -> Nianbao.Result {
        try Nianbao.run(
            ["-s", "KILL", String(seconds), Nianbao.executable.path] + arguments,
            executable: URL(fileURLWithPath: "/usr/bin/timeout"), environment: ["NIANBAO_TODAY": "2026-11-29"])
    }

    static func findings(_ json: String) throws -> [BadInputCorpusTests.Findings.Finding] {
        try JSONDecoder().decode(BadInputCorpusTests.Findings.self, from: Data(json.utf8)).findings
    }

    @Test("a FIFO in place of an input is refused with a finding, and check and build finish", arguments: [
        "Content/qingshan-tax/2023/report.md", "Content/qingshan-tax/2023/tables.yaml", "Content/qingshan-tax/agency.yaml",
        "nianbao.yaml", "Content/qingshan-tax/2023/tasks.yaml", "Content/_tasks/fifo.yaml",
    ])
    func fifo(in path: String) throws {
        let site = try BadInputCorpusTests.goodSite()
        let url = site.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        #expect(mkfifo(url.path, 0o644) == 0)
        let output = site.root.appendingPathComponent("Output")
        let before = BuildCommandTests.snapshot(output)

        let checked = try Self.run(["check", "-s", site.root.path, "--format", "json"])
        #expect(checked.status == 1, "exit \(checked.status) (137: killed by the timeout) \(checked.stderr)")
        let found = try Self.findings(checked.stdout).filter { $0.rule == "file-not-regular" }
        #expect(found.map(\.location.file) == [path], "\(checked.stdout.prefix(2000))")

        let text = try Self.run(["check", "-s", site.root.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains(path) && text.stdout.contains("这里应当是普通文件，却是命名管道（FIFO）"), "\(text.stdout.prefix(2000))")

        let built = try Self.run(["build", "-s", site.root.path, "--no-pdf", "--all-or-nothing"])
        #expect(built.status == 1, "exit \(built.status) (137: killed by the timeout) \(built.stderr)")
        #expect(BuildCommandTests.snapshot(output) == before, "Output changed")
        // By default the other reports are published around the one withheld.
        let published = try Self.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(published.status == 1, "exit \(published.status) (137: killed by the timeout) \(published.stderr)")
    }

    /// 「山东」 in GB18030: not UTF-8.
    static let gb18030Name: [UInt8] = [0xC9, 0xBD, 0xB6, 0xAB]

    @Test("an agency folder whose name is not UTF-8 is one finding naming its bytes, and the count says it was skipped")
    func folderNameNotUTF8() throws {
        let site = try BadInputCorpusTests.goodSite()
        let content = site.root.appendingPathComponent("Content")
        // A second agency, then renamed to the GB18030 bytes: no `String` path can spell it.
        let staged = content.appendingPathComponent("staged")
        try FileManager.default.copyItem(at: content.appendingPathComponent("qingshan-tax"), to: staged)
        let target = Array(content.path.utf8) + [UInt8(ascii: "/")] + Self.gb18030Name + [0]
        let renamed = target.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { rename(staged.path, $0.baseAddress!) }
        }
        #expect(renamed == 0)

        let good = try Self.run(["check", "-s", site.root.path, "--format", "json", "--no-cache"])
        let checked = try Self.run(["check", "-s", site.root.path, "--format", "json"])
        for result in [good, checked] {
            #expect(result.status == 1, "\(result.stderr)")
            let findings = try Self.findings(result.stdout)
            #expect(findings.filter { $0.rule == "path-encoding" }.map(\.location.file) == ["Content/\\xC9\\xBD\\xB6\\xAB"])
            // Not also 「缺少 agency.yaml」 under a garbled name, nor anything else of that folder.
            #expect(!findings.contains { $0.location.file.contains("\u{FFFD}") || $0.rule == "agency-config" }, "\(findings.map(\.rule))")
            #expect(result.stderr.contains("另有 1 个文件夹因名称不是 UTF-8 编码而跳过"), "\(result.stderr)")
        }
        let text = try Self.run(["check", "-s", site.root.path])
        #expect(text.stdout.contains("按 GB18030 编码是「山东」"), "\(text.stdout.prefix(3000))")
        #expect(text.stdout.contains("检查了 3 份报告"), "\(text.stdout.suffix(300))")
    }

    @Test("a year folder whose name is not UTF-8 is named by its bytes too, and nothing else is said of it")
    func yearFolderNameNotUTF8() throws {
        let site = try BadInputCorpusTests.goodSite()
        let agency = site.root.appendingPathComponent("Content/qingshan-tax")
        // 「2025年」 with 年 in GB18030.
        let target = Array(agency.path.utf8) + Array("/2025".utf8) + [0xC4, 0xEA, 0]
        let made = target.withUnsafeBufferPointer { bytes in bytes.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } }
        #expect(made == 0)
        let checked = try Self.run(["check", "-s", site.root.path, "--format", "json"])
        #expect(checked.status == 1)
        let findings = try Self.findings(checked.stdout).filter { $0.location.file.hasPrefix("Content/qingshan-tax/2025") }
        #expect(findings.map { "\($0.rule)@\($0.location.file)" } == ["path-encoding@Content/qingshan-tax/2025\\xC4\\xEA"])
    }
}
