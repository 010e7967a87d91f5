import Diagnostics
import Foundation
import ReportForm
import Scaffold
import SiteModel
import Testing

/// The 2019 edition's name for a row or column the 2021 form renamed (issue 24): a warning,
/// and the numbers are kept under the official label.
@Suite struct RenamedLabelTests {
    let path = TestSite.tables(2024)

    @Test func rowLabelOfThe2019FormKeepsItsNumbers() throws {
        var site = TestSite(years: [2024])
        site.replace("    行政规范性文件:", with: "    规范性文件:", in: path)
        let at = TestSite.position(["规范性文件:"], in: path, of: site[path]!, key: true)
        let finding = expectOnly(try site.findings(), "label-variant", .warning, at: at)
        #expect(finding?.expected == "行政规范性文件")
        #expect(finding?.message.contains("行政规范性文件") == true)
        let tables = try PrintedTables.tables(site)
        // TestSite.standardValues for 2024: 2 issued, 1 repealed, 13 in force.
        #expect(["issued", "repealed", "in_force"].map { tables["active.normative_documents.\($0)"]?.text } == ["2", "1", "13"])
    }

    @Test func columnLabelOfThe2019FormKeepsItsNumber() throws {
        var site = TestSite(years: [2024])
        site.replace("      本年处理决定数量: 120\n", with: "      处理决定数量: 120\n", in: path)
        let at = TestSite.position(["行政许可:", "处理决定数量:"], in: path, of: site[path]!, key: true)
        let finding = expectOnly(try site.findings(), "label-variant", .warning, at: at)
        #expect(finding?.expected == "本年处理决定数量")
        #expect(try PrintedTables.tables(site)["active.licensing.decisions"]?.text == "120")
    }

    @Test("a 2019 column the 2021 row no longer has is still an error")
    func droppedColumnStaysAnError() throws {
        var site = TestSite(years: [2024])
        site.replace("      本年处理决定数量: 120\n", with: "      上一年项目数量: 8\n      本年处理决定数量: 120\n", in: path)
        let findings = try site.findings()
        #expect(findings.map(\.rule) == ["form-outdated-row"])
        #expect(findings.first?.severity == .error)
    }
}
