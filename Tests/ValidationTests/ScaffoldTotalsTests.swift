import Diagnostics
import Foundation
import ReportForm
import Scaffold
import SiteModel
import Testing

/// `nianbao new` writes no totals (issue 24): they are computed unless typed.
@Suite struct ScaffoldTotalsTests {
    let path = TestSite.tables(2024)

    @Test("`nianbao new` writes no totals, and filling in only the detail rows gives no findings")
    func scaffoldLeavesTotalsOut() throws {
        let template = TablesTemplate.yaml(for: .revised2021, year: 2024)
        #expect(!template.contains("总计:"), "no 总计 column cell")
        #expect(!template.contains("（七）总计"), "no （七）总计 row")
        #expect(template.contains("  一、本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0]\n"))
        var site = TestSite(years: [2024])
        site[path] = template
        // Only detail rows: 收到 5 + 2, 予以公开 5, 部分公开 2; 行政复议 维持 1 纠正 1.
        site.replace("一、本年新收政府信息公开申请数量: [0, 0,", with: "一、本年新收政府信息公开申请数量: [5, 2,", in: path)
        site.replace("（一）予以公开: [0, 0,", with: "（一）予以公开: [5, 0,", in: path)
        site.replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）: [0, 0,", with: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）: [0, 2,", in: path)
        site.replace("    结果维持: 0\n    结果纠正: 0\n", with: "    结果维持: 1\n    结果纠正: 1\n", in: path)
        #expect(try site.findings().summary == [])
        let tables = try PrintedTables.tables(site)
        for (cell, value) in [
            ("requests.received.total", "7"), ("requests.results.total.natural_person", "5"),
            ("requests.results.total.commercial", "2"), ("requests.results.total.total", "7"), ("appeals.review.total", "2"),
        ] {
            #expect(tables[cell]?.text == value, "\(cell)")
            #expect(tables[cell]?.isComputed == true, "\(cell)")
        }
    }

    @Test("a total typed wrong is still found")
    func typedTotalIsChecked() throws {
        var site = TestSite(years: [2024])
        site[path] = TablesTemplate.yaml(for: .revised2021, year: 2024)
        site.replace("    结果维持: 0\n    结果纠正: 0\n", with: "    结果维持: 1\n    结果纠正: 1\n    总计: 3\n", in: path)
        let findings = try site.findings()
        #expect(findings.map(\.rule) == ["arith-outcome-total"])
        #expect(findings.first?.expected == "2")
        #expect(findings.first?.found == "3")
    }
}
