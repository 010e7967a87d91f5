import Foundation
import Testing

/// The site index: every agency and year with its publication status.
@Suite struct IndexPageTests {
    @Test("a late report shows 逾期发布 with its deadline; a report with warnings shows how many")
    func status() throws {
        let copy = try SiteCopy()
        let late = "Content/jiangyu-tax/2023/report.md"
        try copy.write(late, try copy.read(late).replacingOccurrences(of: "published: 2024-01-23", with: "published: 2024-02-05"))
        let warned = "Content/qingshan-county/2022/tables.yaml"
        try copy.write(warned, try copy.read(warned).replacingOccurrences(of: "（一）予以公开", with: "(一)予以公开"))
        let build = try BuiltSite.build(copy.root)
        let html = try build.text("index.html")
        #expect(html.contains("<span class=\"status status-late\">逾期发布（应于2024年1月31日前）</span>"))
        let warnings = build.findings.filter { $0.severity == .warning && $0.location.file == warned }.count
        #expect(warnings > 0)
        #expect(html.contains("<span class=\"status status-warnings\">按期发布，\(warnings) 条提示</span>"))
        #expect(html.components(separatedBy: "status-ok").count - 1 == 11)
    }
}
