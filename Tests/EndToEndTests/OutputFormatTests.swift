import Foundation
import Testing

/// Each `--format` parsed back the way its consumer reads it.
@Suite("check --format")
struct OutputFormatTests {
    struct JSONReport: Decodable {
        struct Summary: Decodable { let reports, errors, warnings, infos: Int }
        struct Location: Decodable { let file: String; let line: Int; let column: Int }
        struct Finding: Decodable {
            let rule: String
            let severity: String
            let message: String
            let gist: String
            let location: Location
            let cell: String?
            let expected: String?
            let found: String?
        }
        let tool: String
        let summary: Summary
        let findings: [Finding]
    }

    /// A copy of the sample with one report's 一、本年新收 raised by 100 in the 自然人 column only:
    /// an error (column balance) and a warning (row total).
    static func brokenSite() throws -> ScratchSite {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        let path = "Content/qingshan-tax/2023/tables.yaml"
        let text = try site.read(path)
        let pattern = try NSRegularExpression(pattern: "(一、本年新收政府信息公开申请数量: \\[)(\\d+)")
        let match = try #require(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let range = Range(match.range(at: 2), in: text)!
        let broken = text.replacingCharacters(in: range, with: String(Int(text[range])! + 100))
        try site.write(path, broken)
        return site
    }

    @Test("json decodes, with counts and cell, expected and found")
    func json() throws {
        let site = try Self.brokenSite()
        let result = try Nianbao.run(["check", "-s", site.root.path, "--format", "json"])
        #expect(result.status == 1)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(result.stdout.utf8))
        #expect(report.tool == "nianbao")
        #expect(report.summary.reports == 3)
        #expect(report.summary.errors == report.findings.filter { $0.severity == "error" }.count)
        let balance = try #require(report.findings.first { $0.rule == "arith-column-balance" })
        #expect(balance.cell == "requests.results.total.natural_person")
        #expect(balance.location.file == "Content/qingshan-tax/2023/tables.yaml")
        #expect(Int(balance.expected!)! == Int(balance.found!)! + 100)
        #expect(report.findings.contains { $0.rule == "arith-row-total" && $0.severity == "error" })
    }

    @Test("github lines follow the workflow-command syntax")
    func github() throws {
        let site = try Self.brokenSite()
        let result = try Nianbao.run(["check", "-s", site.root.path, "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        let syntax = try NSRegularExpression(
            pattern: "^::(error|warning|notice) file=[^,:]+,line=[0-9]+,col=[0-9]+,title=[^,:]+::[^\\r\\n]+$")
        for line in lines {
            let text = String(line)
            #expect(syntax.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil, "\(text)")
        }
        #expect(lines.contains { $0.hasPrefix("::error file=Content/qingshan-tax/2023/tables.yaml,line=") })
    }

    @Test("sarif is SARIF 2.1.0 with rules and located results")
    func sarif() throws {
        let site = try Self.brokenSite()
        let result = try Nianbao.run(["check", "-s", site.root.path, "--format", "sarif"])
        #expect(result.status == 1)
        let log = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(rules[ruleIndex]["id"] as? String == result["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
        }
    }
}
