import Diagnostics
import Foundation
import Testing

/// Two published reports (shared/fixtures/real-reports), converted into nianbao's input format
/// with every label and number as printed: Fixtures/real-reports/<slug>/{agency.yaml,<year>/…}.
@Suite struct RealReportTests {
    static func site(_ slug: String) throws -> TestSite {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        var site = TestSite()
        try site.addFixtureAgency(fixtures.appendingPathComponent("real-reports/\(slug)"), slug: slug)
        #expect(site.files.count == 3, "agency.yaml, report.md, tables.yaml")
        return site
    }

    static let arithmetic = ["arith-column-balance", "arith-results-total", "arith-row-total", "arith-outcome-total"]

    @Test func huaian2024IsConsistent() throws {
        let site = try Self.site("huaian-szf")
        let path = "Content/huaian-szf/2024/tables.yaml"
        let text = try #require(site[path])
        #expect(text.contains("本年收费金额（单位：万元）: 96171.6"))
        let findings = try site.findings()
        #expect(findings.filter { Self.arithmetic.contains($0.rule) }.summary == [])
        #expect(findings.filter { $0.severity == .error }.summary == [])
        // What the printed table does differently from the form: 「第二十条 第（一）项」 with a space
        // (four items) and 「1、」 for 「1.」 in （六）其他处理 (three rows); the PDF gives a date only.
        let items = ["第二十条 第（一）项", "第二十条 第（五）项", "第二十条 第（六）项", "第二十条 第（八）项"]
        let rows = ["1、申请人无正当理由逾期不补正", "2、申请人逾期未按收费通知要求缴纳费用", "3、其他"]
        let variants = (items + rows).map { TestSite.position([$0], in: path, of: text, key: true).description }
        #expect(findings.summary == ["front-matter-invalid@Content/huaian-szf/2024/report.md:6:12"]
            + variants.map { "label-variant@\($0)" })
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func hongze2023HasTheTwoTotalsPrintedAsZero() throws {
        let site = try Self.site("hongze-qzf")
        let path = "Content/hongze-qzf/2023/tables.yaml"
        let text = try #require(site[path])
        let findings = try site.findings()

        let outcome = findings.of("arith-outcome-total")
        #expect(outcome.summary == [
            "arith-outcome-total@\(TestSite.position(["行政复议:", "总计:"], in: path, of: text).description)",
            "arith-outcome-total@\(TestSite.position(["复议后起诉:", "总计:"], in: path, of: text).description)",
        ])
        #expect(outcome.map(\.cell) == ["appeals.review.total", "appeals.litigation.after_review.total"])
        #expect(outcome.map(\.expected) == ["11", "5"])
        #expect(outcome.map(\.found) == ["0", "0"])
        #expect(outcome.allSatisfy { $0.severity == .error })
        #expect(findings.filter { Self.arithmetic.contains($0.rule) }.count == 2)

        let outdated = findings.of("form-outdated-row")
        #expect(outdated.summary == ["form-outdated-row@\(TestSite.position(["（六）其他处理:"], in: path, of: text, key: true).description)"])
        #expect(outdated.first?.severity == .error)

        let variant = findings.of("label-variant")
        #expect(variant.summary == ["label-variant@\(TestSite.position(["2.其他法律行政止公开:"], in: path, of: text, key: true).description)"])
        #expect(variant.first?.expected == "2.其他法律行政法规禁止公开")

        #expect(findings.count == 5, "and the date-only published: \(findings.summary)")
        #expect(findings.of("front-matter-invalid").summary == ["front-matter-invalid@Content/hongze-qzf/2023/report.md:6:12"])
    }

    /// The printed sentences of section 一 (二) agree with the printed tables, and are read: each
    /// number changed gives one narrative-contradiction against the quantity the sentence means.
    @Test("the printed sentences are read", arguments: [
        ("huaian-szf", 2024, "受理政府信息公开申请 3119 件", "受理政府信息公开申请 3120 件", "3119"),
        ("huaian-szf", 2024, "行政复议 351 件", "行政复议 315 件", "351"),
        // 行政诉讼 46 = 未经复议直接起诉 26 + 复议后起诉 20.
        ("huaian-szf", 2024, "行政诉讼 46 件", "行政诉讼 26 件", "46"),
        ("hongze-qzf", 2023, "受理政府信息公开申请 21 件", "受理政府信息公开申请 12 件", "21"),
    ])
    func printedSentences(_ slug: String, _ year: Int, _ printed: String, _ changed: String, _ table: String) throws {
        var site = try Self.site(slug)
        let path = "Content/\(slug)/\(year)/report.md"
        #expect(try site.findings().filter { $0.rule == "narrative-contradiction" }.isEmpty)
        site.replace(printed, with: changed, in: path)
        let found = try site.findings().filter { $0.rule == "narrative-contradiction" }
        #expect(found.count == 1)
        #expect(found.first?.expected == table)
    }
}
