import Foundation
import Testing

/// A narrative nested fifty thousand deep (`>>>>…` or `- - - …`): `check` and `build` with PDFs
/// both report it as `narrative-too-deep` and exit normally; the printed report of such a text
/// (with --allow-errors, and under `serve --pdf`) is made without running out of stack. Before,
/// `check` passed the file and the PDF killed the build with SIGSEGV.
@Suite("narratives nested too deep")
struct DeepNarrativeTests {
    static let report = "Content/qingshan-tax/2023/report.md"
    static let deep = [String(repeating: ">", count: 50_000) + " 深", String(repeating: "- ", count: 50_000) + "x"]

    /// The sample agency with `text` as a paragraph at the end of one report's narrative; the
    /// line it is on.
    static func site(appending text: String) throws -> (ScratchSite, Int) {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        try site.write("nianbao.yaml", try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), encoding: .utf8))
        let original = try site.read(report)
        let body = original + (original.hasSuffix("\n") ? "" : "\n") + "\n" + text + "\n"
        try site.write(report, body)
        return (site, original.split(separator: "\n", omittingEmptySubsequences: false).count + (original.hasSuffix("\n") ? 1 : 2))
    }

    struct Findings: Decodable {
        struct Location: Decodable {
            let file: String
            let line: Int
        }
        struct Finding: Decodable {
            let rule: String
            let location: Location
        }
        let findings: [Finding]
    }

    static func findings(_ result: Nianbao.Result) throws -> [Findings.Finding] {
        try JSONDecoder().decode(Findings.self, from: Data(result.stdout.utf8)).findings
    }

    static let environment = ["NIANBAO_TODAY": "2026-11-29"]

    @Test("check and build with PDFs report it and exit normally; with --allow-errors the PDF is made", arguments: 0..<2)
    func deepNarrative(_ index: Int) throws {
        let (site, line) = try Self.site(appending: Self.deep[index])
        for command in [["check"], ["build"]] {
            let result = try Nianbao.run(command + ["-s", site.root.path, "--format", "json"], environment: Self.environment)
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr.suffix(500))")
            let deep = try Self.findings(result).filter { $0.rule == "narrative-too-deep" }
            #expect(deep.count == 1 && deep.first?.location.file == Self.report && deep.first?.location.line == line, "\(command)")
        }
        // The report is withheld (never published); the others are built.
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/qingshan-tax/2023").path), "withheld, not published")
        let allowed = try Nianbao.run(["build", "-s", site.root.path, "--allow-errors"], environment: Self.environment)
        #expect(allowed.status == 0, "\(allowed.status) \(allowed.stderr.suffix(500))")
        #expect(allowed.stdout.contains("narrative-too-deep"))
        let pdf = try Data(contentsOf: site.root.appendingPathComponent("Output/qingshan-tax/2023/report.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
    }

    @Test("serve --pdf previews it, PDF and all, and lists the finding")
    func serve() throws {
        let (site, _) = try Self.site(appending: Self.deep[0])
        let port = Int.random(in: 41_000...60_000)
        let process = Process()
        process.executableURL = Nianbao.executable
        process.arguments = ["serve", "-s", site.root.path, "--port", String(port), "--pdf"]
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var status = ""
        for _ in 0..<200 where process.isRunning && status != "200" {
            Thread.sleep(forTimeInterval: 0.1)
            let result = try PublishedSiteTests.run(
                "curl", ["-s", "-4", "--max-time", "5", "-o", "/dev/null", "-w", "%{http_code}",
                         "http://127.0.0.1:\(port)/zfxxgk/ndbg/qingshan-tax/2023/report.pdf"])
            status = result.stdout
        }
        #expect(status == "200")
        #expect(process.isRunning, "serve ended with \(process.terminationStatus)")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("narrative-too-deep"), "\(log.prefix(2000))")
    }

    @Test("five levels of quotes and lists are no finding and print as before")
    func moderate() throws {
        let nested = "> 引用\n> > 二\n> > > 三\n> > > > 四\n> > > > > 五层引用\n\n- 一\n  - 二\n    - 三\n      - 四\n        - 五层列表"
        let (site, _) = try Self.site(appending: nested)
        let result = try Nianbao.run(["build", "-s", site.root.path, "--format", "json"], environment: Self.environment)
        #expect(result.status == 0, "\(result.stdout.prefix(2000))")
        #expect(try Self.findings(result).allSatisfy { $0.rule != "narrative-too-deep" })
        let page = try String(contentsOf: site.root.appendingPathComponent("Output/qingshan-tax/2023/index.html"), encoding: .utf8)
        #expect(page.contains("<blockquote>\n<p>五层引用</p>") && page.contains("<li>五层列表</li>"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output/qingshan-tax/2023/report.pdf").path))
    }
}
