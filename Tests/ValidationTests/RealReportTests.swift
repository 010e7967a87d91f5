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
}
