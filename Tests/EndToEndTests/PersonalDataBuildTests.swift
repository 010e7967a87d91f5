import Foundation
import Testing

/// Personal data anywhere that is published (issue 22 item 4): in the front matter's title,
/// tasks.yaml's evidence, agency.yaml's name, a link's text and address, and in the usual
/// reformattings. Each is an error at its file and line, so `build` refuses and writes nothing:
/// none of it reaches a page, the feed, the open data or the search index.
@Suite struct PersonalDataBuildTests {
    static let report = "Content/jiangyu-tax/2020/report.md"
    static let tasks = "Content/jiangyu-tax/2020/tasks.yaml"
    static let agency = "Content/jiangyu-tax/agency.yaml"

    /// The values written, each with its file, the line it is on and the rule it breaks.
    static let planted: [(value: String, file: String, line: Int, rule: String)] = [
        ("13812345678", report, 2, "privacy-mobile"),
        ("11010519491231002X", tasks, 13, "privacy-id-number"),
        ("13912345678", tasks, 16, "privacy-mobile"),
        ("13712345678", agency, 1, "privacy-mobile"),
        ("13612345678", report, 65, "privacy-mobile"),
        ("110105194912310046", report, 67, "privacy-id-number"),
        ("320826 19850315 123X", report, 69, "privacy-id-number"),
        ("３２０８２６８５０３１５１２３", report, 71, "privacy-id-number"),
        ("+86 135 1234 5678", report, 73, "privacy-mobile"),
        ("135.8765.4321", report, 75, "privacy-mobile"),
        ("(133)12345678", report, 77, "privacy-mobile"),
    ]

    static func plant(_ site: ScratchSite) throws {
        try site.copySample(agency: "jiangyu-tax")
        try site.write("nianbao.yaml", try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), encoding: .utf8))
        var report = try site.read(report)
        report = report.replacingOccurrences(of: "2020年政府信息公开工作年度报告\n", with: "2020年政府信息公开工作年度报告（联系人13812345678）\n")
        report += """

            详见[经办人13612345678](https://www.jiangyu.gov.cn/zfxxgk/)。

            详见[说明](https://www.jiangyu.gov.cn/zfxxgk/q?id=110105194912310046)。

            申请人身份证号 320826 19850315 123X。

            申请人一代身份证号３２０８２６８５０３１５１２３。

            申请人手机 +86 135 1234 5678。

            申请人手机135.8765.4321。

            申请人手机(133)12345678。

            """
        try site.write(Self.report, report)
        var tasks = try site.read(Self.tasks)
        tasks = tasks.replacingOccurrences(of: "机构职能目录已在政府信息公开专栏公开。", with: "机构职能目录已公开，申请人11010519491231002X已答复。")
        tasks = tasks.replacingOccurrences(of: "制发与纳税人密切相关的规范性文件2件", with: "联系人13912345678，制发规范性文件2件")
        try site.write(Self.tasks, tasks)
        try site.write(Self.agency, "name: 国家税务总局江屿市税务局（13712345678）\nkind: 部门\n")
    }

    struct Findings: Decodable {
        struct Location: Decodable {
            let file: String
            let line: Int
        }
        struct Finding: Decodable {
            let rule: String
            let message: String
            let location: Location
        }
        let findings: [Finding]
    }

    @Test("every placement and reformatting is an error at its line, and the build publishes none of them")
    func refused() throws {
        let site = try ScratchSite()
        try Self.plant(site)
        for value in Self.planted {
            let text = try site.read(value.file).components(separatedBy: "\n")
            #expect(text.count >= value.line && text[value.line - 1].contains(value.value), "\(value.value) is not on \(value.file):\(value.line)")
        }
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--format", "json"], environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try JSONDecoder().decode(Findings.self, from: Data(result.stdout.utf8)).findings.filter { $0.rule.hasPrefix("privacy-") }
        let found = Set(findings.map { "\($0.rule) \($0.location.file):\($0.location.line)" })
        #expect(found == Set(Self.planted.map { "\($0.rule) \($0.file):\($0.line)" }))
        // The privacy findings' messages mask the value (other rules may quote a name as written).
        for value in Self.planted { #expect(!findings.contains { $0.message.contains(value.value) }, "a message repeats \(value.value)") }
        // The reports and agencies holding them are withheld: no value reaches a built file.
        for (path, data) in BuildCommandTests.snapshot(site.root.appendingPathComponent("Output")) {
            let text = String(decoding: data, as: UTF8.self)
            for value in Self.planted { #expect(!text.contains(value.value), "\(value.value) published in \(path)") }
        }
    }

    @Test("the same places are published: with --allow-errors (a preview) each value reaches a built file")
    func placesArePublished() throws {
        let site = try ScratchSite()
        try Self.plant(site)
        let result = try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--allow-errors"], environment: ["NIANBAO_TODAY": "2026-11-29"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = site.root.appendingPathComponent("Output")
        var built = ""
        let walker = try #require(FileManager.default.enumerator(atPath: output.path))
        for case let path as String in walker {
            let url = output.appendingPathComponent(path)
            guard ["html", "xml", "json", "csv"].contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            built += text
        }
        // The feed, data.json and the search index carry the title; the report page the rest.
        for value in ["13812345678", "11010519491231002X", "13912345678", "13712345678", "13612345678", "110105194912310046"] {
            #expect(built.contains(value), "\(value) is not published anywhere: the test would prove nothing")
        }
        #expect(try String(contentsOf: output.appendingPathComponent("feed.xml"), encoding: .utf8).contains("13812345678"))
    }
}
