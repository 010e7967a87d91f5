import Foundation
import ReportForm
import Testing

@testable import SiteBuilder

/// The agency page's chart: drawn at build time from the tables, no script.
@Suite struct YearChartTests {
    @Test("one bar per year for requests received, stacked results, values from the tables")
    func chart() throws {
        let build = try BuiltSite.sample()
        let agency = try #require(build.site.agency("jiangyu-tax"))
        let chart = try #require(YearChart(agency.reports))
        #expect(chart.years.map(\.year) == [2020, 2021, 2022, 2023, 2024])
        #expect(chart.series.map(\.label) == ["本年新收政府信息公开申请数量", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"])
        let report = try #require(agency.reports.last?.tables)
        #expect(chart.years.last?.values.first == report["requests.received.total"].map { $0.minorUnits })
        #expect(chart.years.last?.values[3] == report.sum(report.form.requestSummary.results[2].cells)?.total)
        let svg = chart.svg
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"chart-title\""))
        #expect(svg.contains("<title>2024年：本年新收政府信息公开申请数量 53 件</title>"))
        let page = try build.text("jiangyu-tax/index.html")
        #expect(page.contains(svg))
        #expect(!page.contains("<script"))
        #expect(page.contains("<tr><th scope=\"row\">2024</th><td class=\"num\">53</td>"))
    }

    @Test("axis maximum is a round number at or above the largest bar", arguments: [
        (0, 4), (3, 4), (5, 8), (9, 10), (11, 20), (53, 80), (81, 100), (101, 200), (5000, 8000),
    ] as [(Int64, Int64)])
    func niceCeiling(value: Int64, expected: Int64) {
        #expect(YearChart.niceCeiling(value) == expected)
    }
}
