import Foundation
import Testing

@Suite("nianbao check")
struct CheckCommandTests {
    @Test("the shipped sample site passes with no findings")
    func sampleSitePasses() throws {
        // --no-cache: a developer's own build in the repository root leaves a cache, and check
        // would then say on stderr that it reused it.
        let result = try Nianbao.run(["check", "--no-cache"], in: Nianbao.repositoryRoot)
        #expect(result.status == 0)
        #expect(result.stdout.contains("检查了 13 份报告：0 个错误，0 个警告"))
        #expect(result.stderr.isEmpty)
    }

    @Test("an error finding exits 1 and is printed on stdout with file:line:col and a caret")
    func errorExitsOne() throws {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        let path = "Content/qingshan-tax/2024/tables.yaml"
        let tables = try site.read(path)
        // Break the column balance of 自然人: 一、本年新收 goes up by 100.
        let lines = tables.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("一、本年新收政府信息公开申请数量") })
        var broken = lines
        let numbers = broken[index].split(separator: "[")[1].dropLast().split(separator: ",").map {
            Int($0.trimmingCharacters(in: .whitespaces))!
        }
        var changed = numbers
        changed[0] += 100
        changed[6] += 100
        broken[index] = broken[index].split(separator: "[")[0] + "[" + changed.map(String.init).joined(separator: ", ") + "]"
        try site.write(path, broken.joined(separator: "\n"))

        let result = try Nianbao.run(["check", "--source", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        // The column balance points at （七）总计, the cell the identity is about.
        let total = try #require(lines.firstIndex { $0.contains("（七）总计") })
        #expect(result.stdout.contains("\(path):\(total + 1):"))
        #expect(result.stdout.contains("错误[arith-column-balance]"))
        #expect(result.stdout.contains("^"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("--strict makes warnings fail")
    func strictFailsOnWarnings() throws {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        let path = "Content/qingshan-tax/2024/report.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "## 五、存在的主要问题及改进情况", with: "## 五、政府信息公开工作存在的主要问题及改进情况"))
        let relaxed = try Nianbao.run(["check", "-s", site.root.path])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("警告[section-heading-variant]"))
        let strict = try Nianbao.run(["check", "-s", site.root.path, "--strict"])
        #expect(strict.status == 1)
    }

    @Test("usage errors exit 64 with the message on stderr")
    func usageError() throws {
        let result = try Nianbao.run(["check", "--format", "xml"], in: Nianbao.repositoryRoot)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("xml"))
    }

    @Test("a folder without Content/ exits 74 with a clear message")
    func missingContent() throws {
        let site = try ScratchSite()
        let result = try Nianbao.run(["check", "-s", site.root.path])
        #expect(result.status == 74)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("找不到 Content/ 文件夹"))
        #expect(result.stderr.contains("--source"))
    }
}

/// Colour on a terminal, and never with NO_COLOR: run under `script`, which gives the command a
/// pseudo-terminal as a user's shell would.
@Suite("colour")
struct ColourTests {
    static let script = "/usr/bin/script"

    func runOnTerminal(_ environment: [String: String]) throws -> String {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        let path = "Content/qingshan-tax/2024/report.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "## 六、其他需要报告的事项", with: "## 六、其他事项"))
        let command = "\(Nianbao.executable.path) check -s \(site.root.path)"
        return try Nianbao.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: Self.script), environment: environment)
            .stdout
    }

    @Test("findings are coloured on a terminal", .enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func colourOnTerminal() throws {
        let output = try runOnTerminal(["NO_COLOR": ""])  // empty: as if unset, whatever the test runner set
        #expect(output.contains("警告[section-heading-variant]"))
        #expect(output.contains("\u{1B}["))
    }

    @Test("NO_COLOR turns colour off on a terminal", .enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func noColour() throws {
        let output = try runOnTerminal(["NO_COLOR": "1"])
        #expect(output.contains("警告[section-heading-variant]"))
        #expect(!output.contains("\u{1B}["))
    }
}
