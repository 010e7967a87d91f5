import Foundation
import ReportForm
import Rendering
import SiteModel
import Testing

/// The statutory tables as HTML, against golden files rendered from the shipped sample (both
/// form editions), and the structure of the printed form asserted directly.
@Suite struct StatutoryTableHTMLTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func tables(agency: String, year: Int) throws -> ReportTables {
        let site = try SiteLoader.load(root: root)
        let report = try #require(site.agency(agency)?.reports.first { $0.year == year })
        return try #require(report.tables)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("golden files: every table of a 2020 and a 2024 report", arguments: [2020, 2024])
    func golden(year: Int) throws {
        let tables = try Self.tables(agency: "jiangyu-tax", year: year)
        let html = tables.form.tables.map { StatutoryTableHTML.html($0, values: tables) }.joined(separator: "\n")
        let name = "jiangyu-tax-\(year).html"
        let source = Self.root.appendingPathComponent("Tests/RenderingTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["NIANBAO_UPDATE_GOLDEN"] != nil {
            try html.write(to: source, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil)), encoding: .utf8)
        #expect(html == golden, "rendering changed: check it in a browser, then NIANBAO_UPDATE_GOLDEN=1 swift test")
    }

    @Test("section 三 merges its label cells like the printed form")
    func requestsTable2021() {
        let html = StatutoryTableHTML.html(ReportForm.revised2021.table(.requests), values: nil)
        #expect(html.contains("<caption id=\"table-requests-caption\">三、收到和处理政府信息公开申请情况</caption>"))
        #expect(html.contains("colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>"))
        #expect(html.contains("scope=\"colgroup\" colspan=\"7\">申请人情况</th>"))
        #expect(html.contains("colspan=\"5\" headers=\"requests-columns\">法人或其他组织</th>"))
        #expect(html.contains("rowspan=\"2\" headers=\"requests-columns\">自然人</th>"))
        #expect(html.contains("scope=\"rowgroup\" rowspan=\"22\">三、本年度办理结果</th>"))
        #expect(html.contains("rowspan=\"8\">（三）不予公开</th>"))
        #expect(html.contains("rowspan=\"3\">（六）其他处理</th>"))
        #expect(html.contains("colspan=\"3\">一、本年新收政府信息公开申请数量</th>"))
        #expect(html.contains("colspan=\"2\">（七）总计</th>"))
        #expect(Self.count("<td ", in: html) == 175)
        #expect(Self.count("<tr>", in: html) == 3 + 25)
    }

    @Test("on the 2019 form （六）其他处理 is one row and 三 spans 20 rows")
    func requestsTable2019() {
        let html = StatutoryTableHTML.html(ReportForm.trial2019.table(.requests), values: nil)
        #expect(html.contains("rowspan=\"20\">三、本年度办理结果</th>"))
        #expect(html.contains("colspan=\"2\">（六）其他处理</th>"))
        #expect(Self.count("<td ", in: html) == 161)
    }

    @Test("section 四 is one row of fifteen numbers under 行政复议 and 行政诉讼")
    func appealsTable() {
        let html = StatutoryTableHTML.html(ReportForm.revised2021.table(.appeals), values: nil)
        let rows = html.components(separatedBy: "<tr>").dropFirst()
        #expect(rows.count == 4)
        #expect(rows.first?.contains("colspan=\"5\">行政复议</th>") == true)
        #expect(rows.first?.contains("colspan=\"10\">行政诉讼</th>") == true)
        #expect(Self.count("rowspan=\"2\"", in: rows.dropFirst().first ?? "") == 5)
        #expect(Self.count("<td ", in: rows.last ?? "") == 15)
    }

    @Test("section 二 has a header row per block; single-column blocks span the width")
    func activeTable() {
        let html = StatutoryTableHTML.html(ReportForm.revised2021.table(.active), values: nil)
        #expect(Self.count("colspan=\"4\">第二十条第", in: html) == 4)
        #expect(Self.count(">信息内容</th>", in: html) == 4)
        #expect(html.contains("colspan=\"3\" headers=\"active-block-1\">本年处理决定数量</th>"))
        #expect(Self.count("<td ", in: html) == 10)
    }

    @Test("every number names header cells that exist, and values are escaped and right-aligned")
    func headersResolve() throws {
        let tables = try Self.tables(agency: "qingshan-county", year: 2024)
        for table in tables.form.tables {
            let html = StatutoryTableHTML.html(table, values: tables)
            let ids = Set(html.matches(of: /id="([^"]+)"/).map { String($0.1) })
            for match in html.matches(of: /<td class="num"[^>]* headers="([^"]+)">([^<]*)<\/td>/) {
                for id in match.1.split(separator: " ") { #expect(ids.contains(String(id)), "\(id)") }
                #expect(match.2.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" })
            }
        }
    }
}
