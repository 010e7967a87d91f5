import Foundation
import ReportForm
import Testing

/// The report page: the narrative in its sections, the three tables where the form has them,
/// placeholders filled in, and the page furniture a reader relies on.
@Suite struct ReportPageTests {
    static func page(_ path: String = "jiangyu-tax/2024/index.html") throws -> String { try BuiltSite.sample().text(path) }

    @Test("sections have stable anchors and the tables follow the text of 二, 三 and 四, in order")
    func tablesInSections() throws {
        let html = try Self.page()
        var last = html.startIndex
        for number in 1...6 {
            let heading = try #require(html.range(of: "<h2 id=\"section-\(number)\">"), "section \(number)")
            #expect(heading.lowerBound > last)
            last = heading.lowerBound
        }
        for (table, section) in [("active", 2), ("requests", 3), ("appeals", 4)] {
            let position = try #require(html.range(of: "<table class=\"statutory statutory-\(table)\""))
            let own = try #require(html.range(of: "<h2 id=\"section-\(section)\">"))
            let next = try #require(html.range(of: "<h2 id=\"section-\(section + 1)\">"))
            #expect(own.upperBound < position.lowerBound && position.lowerBound < next.lowerBound, "\(table)")
        }
        #expect(html.components(separatedBy: "<table class=\"statutory").count - 1 == 3)
    }

    @Test("索引号, 发布日期, breadcrumbs with aria-current, and previous/next year links")
    func furniture() throws {
        let html = try Self.page("jiangyu-tax/2022/index.html")
        #expect(html.contains("<dt>索引号</dt>"))
        #expect(html.contains("<dt>发布日期</dt><dd><time datetime=\"2023-01-18\">2023-01-18</time></dd>"))
        #expect(html.contains("<a href=\"./\" aria-current=\"page\">2022年</a>"))
        #expect(html.contains("<a href=\"../2021/\" rel=\"prev\">上一年度：2021年</a>"))
        #expect(html.contains("<a href=\"../2023/\" rel=\"next\">下一年度：2023年</a>"))
        let first = try Self.page("jiangyu-tax/2020/index.html")
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<dd>2019年试行格式</dd>"))
    }

    @Test("accessibility structure: lang, skip link to <main>, landmarks, captions, scrolling table regions")
    func accessibility() throws {
        for path in try BuiltSite.sample().pages {
            let html = try BuiltSite.sample().text(path)
            #expect(html.contains("<html lang=\"zh-CN\">"), "\(path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path)")
            #expect(html.contains("<main id=\"main\""), "\(path)")
            #expect(html.contains("<header") && html.contains("<footer") && html.contains("<nav"), "\(path)")
            // Every table nianbao or the theme makes has a caption (a writer's Markdown table has none to give).
            #expect(html.components(separatedBy: "<table class=").count == html.components(separatedBy: "<caption").count, "\(path)")
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        }
        let report = try Self.page()
        #expect(report.contains("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"table-requests-caption\" tabindex=\"0\">"))
        #expect(report.contains("<caption id=\"table-requests-caption\">"))
    }

    @Test("a placeholder in the narrative shows the table's value")
    func placeholders() throws {
        let copy = try SiteCopy()
        let file = "Content/jiangyu-tax/2024/report.md"
        let text = try copy.read(file).replacingOccurrences(
            of: "全年收到政府信息公开申请53件", with: "全年收到政府信息公开申请{{requests.received.total}}件")
        try copy.write(file, text)
        let build = try BuiltSite.build(copy.root)
        let html = try build.text("jiangyu-tax/2024/index.html")
        #expect(html.contains("全年收到政府信息公开申请53件"))
        #expect(!html.contains("{{"))
        #expect(build.findings.filter { $0.severity == .error }.isEmpty)
    }

    @Test("a subheading numbered 二、 under 总体情况 takes neither section 二's anchor nor its table")
    func numberedSubheading() throws {
        let copy = try SiteCopy()
        let file = "Content/jiangyu-tax/2024/report.md"
        let text = try copy.read(file).replacingOccurrences(
            of: "## 二、主动公开政府信息情况", with: "## 二、深化重点领域公开\n\n本局深化重点领域信息公开。\n\n## 二、主动公开政府信息情况")
        try copy.write(file, text)
        let build = try BuiltSite.build(copy.root)
        let html = try build.text("jiangyu-tax/2024/index.html")
        #expect(html.components(separatedBy: "<h2 id=\"section-2\">").count == 2)
        let own = try #require(html.range(of: "<h2 id=\"section-2\">"))
        let subheading = try #require(html.range(of: "二、深化重点领域公开"))
        let table = try #require(html.range(of: "<table class=\"statutory statutory-active\""))
        #expect(subheading.upperBound < own.lowerBound && own.upperBound < table.lowerBound)
        #expect(html[own.upperBound...].hasPrefix("二、主动公开政府信息情况"))
        #expect(build.findings.map(\.rule) == ["section-unknown"])
    }
}
