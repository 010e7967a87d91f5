import Foundation
import Testing

/// Inputs the bad-input corpus cannot hold as committed files: a named pipe (FIFO) in place of
/// an input file, which blocked `open(2)` forever.
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

        let built = try Self.run(["build", "-s", site.root.path, "--no-pdf"])
        #expect(built.status == 1, "exit \(built.status) (137: killed by the timeout) \(built.stderr)")
        #expect(BuildCommandTests.snapshot(output) == before, "Output changed")
    }
}
