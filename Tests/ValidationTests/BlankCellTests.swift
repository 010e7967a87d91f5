import Diagnostics
import Foundation
import ReportForm
import Scaffold
import SiteModel
import Testing

/// Cells printed blank (issue 24): a warning, not an error that stops the checks; what the
/// form's identities leave for a blank is its value.
@Suite struct BlankCellTests {
    let path = TestSite.tables(2024)

    @Test("a blank cell is a warning, and what the row leaves for it is its value", arguments: ["~", "null", "\"\"", "''"])
    func blankCellIsWorkedOut(written: String) throws {
        // 一、本年新收: 自然人 5, 商业企业 blank, 总计 7: 商业企业 must be 2.
        let site = TestSite(years: [2024], values: ["requests.received.commercial": written])
        let at = TestSite.position(row: "一、本年新收政府信息公开申请数量", element: 1, in: path, of: site[path]!)
        let finding = expectOnly(try site.findings(), "cell-blank", .warning, at: at)
        #expect(finding?.cell == "requests.received.commercial")
        #expect(finding?.expected == "2")
        let value = try #require(try PrintedTables.tables(site)["requests.received.commercial"])
        #expect(value.minorUnits == 2)
        #expect(value.isComputed)
    }

    @Test("a blank cell does not stop the identities: the column it leaves unbalanced is found")
    func blankCellKeepsTheChecksRunning() throws {
        // 商业企业 blank with 总计 8 is 3: the 商业企业 column is then 3 + 0 against 2 + 0, and
        // the 总计 column 8 + 1 against 7 + 1.
        let site = TestSite(years: [2024], values: ["requests.received.commercial": "~", "requests.received.total": "8"])
        let findings = try site.findings()
        #expect(findings.of("cell-blank").map(\.expected) == ["3"])
        let balance = findings.of("arith-column-balance")
        #expect(balance.map(\.cell) == ["requests.results.total.commercial", "requests.results.total.total"])
        #expect(balance.map(\.expected) == ["3", "9"])
        #expect(findings.count == 3, "\(findings.summary)")
    }

    @Test("a blank with nothing to work it out from is a warning without a value", arguments: [
        "      本年制发件数: ~\n", "      本年制发件数: \"\"\n", "      本年制发件数:\n",
    ])
    func blankCellWithoutIdentity(written: String) throws {
        var site = TestSite(years: [2024])
        site.replace("      本年制发件数: 0\n", with: written, in: path)
        let findings = try site.findings()
        #expect(findings.summary.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule == "cell-blank")
        #expect(finding.severity == .warning)
        #expect(finding.location.line == TestSite.position(["规章:", "本年制发件数:"], in: path, of: site[path]!).line)
        #expect(finding.cell == "active.regulations.issued")
        #expect(finding.expected == nil)
        #expect(try PrintedTables.tables(site)["active.regulations.issued"] == nil)
    }

    @Test func cellLeftOutOfItsRowIsBlank() throws {
        var site = TestSite(years: [2024])
        site.replace("      本年废止件数: 0\n", with: "", in: path)
        let finding = expectOnly(
            try site.findings(), "cell-blank", .warning, at: TestSite.position(["规章:"], in: path, of: site[path]!, key: true))
        #expect(finding?.cell == "active.regulations.repealed")
    }

    @Test("a table left out is still an error")
    func tableMissingIsAnError() throws {
        var site = TestSite(years: [2024])
        let text = site[path]!
        let start = try #require(text.range(of: "四、政府信息公开行政复议、行政诉讼情况:"))
        site[path] = String(text[..<start.lowerBound])
        let findings = try site.findings()
        #expect(findings.map(\.rule) == ["cell-missing"])
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("四、政府信息公开行政复议、行政诉讼情况") == true)
    }

    @Test("a whole 总计 column printed blank: one warning per blank total, plus the column that does not balance")
    func wholeTotalColumnBlank() throws {
        var values: [CellID: String] = [:]
        for cell in ReportForm.revised2021.table(.requests).cells where cell.column.isTotal { values[cell.id] = "~" }
        // 四、结转下年度 自然人 2 instead of 1: the 自然人 column is 5 + 1 against 5 + 2.
        values["requests.carried_forward.natural_person"] = "2"
        let site = TestSite(years: [2024], values: values)
        let findings = try site.findings()
        let blank = findings.of("cell-blank")
        #expect(blank.count == 25, "one per row of section 三")
        #expect(blank.allSatisfy { $0.severity == .warning && $0.cell?.hasSuffix(".total") == true })
        // Each total is what its row sums to, from the numbers in TestSite.standardValues.
        let expected: [CellID: String] = [
            "requests.received.total": "7", "requests.carried_over.total": "1", "requests.results.disclosed.total": "3",
            "requests.results.partially_disclosed.total": "1", "requests.results.unavailable.not_held.total": "3",
            "requests.results.total.total": "7", "requests.carried_forward.total": "2",
        ]
        for finding in blank { #expect(finding.expected == (expected[finding.cell!] ?? "0"), "\(finding.cell!)") }
        #expect(Set(findings.of("arith-column-balance").compactMap(\.cell)) == [
            "requests.results.total.natural_person", "requests.results.total.total",
        ])
        #expect(findings.count == 27, "\(findings.summary)")
    }

    @Test("沭阳县发改局 2023 as printed: blank columns read as the zeros their rows leave, 规范性文件 kept")
    func shuyang2023() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let text = try String(contentsOf: fixtures.appendingPathComponent("printed-tables/shuyang-fgj-2023.yaml"), encoding: .utf8)
        var site = TestSite(years: [2023])
        let path = TestSite.tables(2023)
        site[path] = text
        let findings = try site.findings()
        #expect(findings.filter { $0.severity == .error }.summary == [])
        let renamed = findings.of("label-variant")
        #expect(renamed.summary == ["label-variant@\(TestSite.position(["规范性文件:"], in: path, of: text, key: true).description)"])
        #expect(renamed.first?.expected == "行政规范性文件")
        #expect(renamed.first?.found == "规范性文件")
        let blank = findings.of("cell-blank")
        #expect(blank.count == 25, "one per row of section 三")
        #expect(blank.first?.location == TestSite.position(row: "一、本年新收政府信息公开申请数量", element: 1, in: path, of: text))
        #expect(blank.allSatisfy { $0.message.contains("均应为 0") })
        #expect(findings.count == 26, "\(findings.summary)")

        let tables = try PrintedTables.tables(site)
        // The numbers of 规范性文件 as printed: 8, 0, 18.
        #expect(tables["active.normative_documents.issued"]?.text == "8")
        #expect(tables["active.normative_documents.repealed"]?.text == "0")
        #expect(tables["active.normative_documents.in_force"]?.text == "18")
        #expect(tables["requests.received.natural_person"]?.text == "26")
        #expect(tables["requests.received.commercial"]?.text == "0")
    }
}
