import Foundation
import Rendering
import SiteModel
import Testing

@Suite struct PlaceholderTests {
    static func tables() throws -> ReportTables {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let site = try SiteLoader.load(root: root)
        return try #require(site.agency("qingshan-county")?.reports.first { $0.year == 2024 }?.tables)
    }

    @Test("cell ids become the table's numbers")
    func filled() throws {
        let tables = try Self.tables()
        let text = Placeholders.fill("全年收到申请{{requests.received.total}}件，行政复议{{ appeals.review.total }}件。", from: tables)
        #expect(text == "全年收到申请\(tables["requests.received.total"]!.text)件，行政复议\(tables["appeals.review.total"]!.text)件。")
        #expect(!text.contains("{{"))
    }

    @Test("amounts keep the decimals written; unknown ids and fenced code are left as written")
    func leftAlone() throws {
        let tables = try Self.tables()
        let fee = Placeholders.fill("收费{{active.fees.amount}}万元", from: tables)
        #expect(fee == "收费\(tables["active.fees.amount"]!.text)万元")
        #expect(fee.contains("."))
        #expect(Placeholders.fill("{{no.such.cell}}", from: tables) == "{{no.such.cell}}")
        let code = "```\n{{requests.received.total}}\n```\n{{requests.received.total}}"
        #expect(Placeholders.fill(code, from: tables) == "```\n{{requests.received.total}}\n```\n\(tables["requests.received.total"]!.text)")
    }
}
