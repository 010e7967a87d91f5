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

    @Test("a sum of cells becomes their total; a sum with an unknown term is left as written")
    func sums() throws {
        let tables = try Self.tables()
        let direct = try #require(tables["appeals.litigation.direct.total"]?.minorUnits)
        let afterReview = try #require(tables["appeals.litigation.after_review.total"]?.minorUnits)
        let text = Placeholders.fill(
            "行政诉讼{{appeals.litigation.direct.total + appeals.litigation.after_review.total}}件。", from: tables)
        #expect(text == "行政诉讼\(direct + afterReview)件。")
        let unknown = "{{appeals.review.total + no.such.cell}}"
        #expect(Placeholders.fill(unknown, from: tables) == unknown)
        // An amount and a count are not added up.
        let mixed = "{{active.fees.amount + appeals.review.total}}"
        #expect(Placeholders.fill(mixed, from: tables) == mixed)
    }
}
