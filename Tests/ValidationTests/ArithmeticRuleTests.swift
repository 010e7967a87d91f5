import Diagnostics
import Foundation
import ReportForm
import Testing

/// The 勾稽 identities (rules+Arithmetic). `TestSite.standardValues` satisfies all of them; each
/// test changes cells so that exactly one family of identities breaks.
@Suite struct ArithmeticRuleTests {
    let path = TestSite.tables(2024)

    func site(_ values: [CellID: String]) -> TestSite { TestSite(years: [2024], values: values) }

    func cell(_ row: String, _ element: Int, _ site: TestSite) -> Location {
        TestSite.position(row: row, element: element, in: path, of: site[path]!)
    }

    @Test func columnBalanceIsAnError() throws {
        // 一 自然人 5 → 6 (row total 7 → 8): 6 + 1 ≠ 5 + 1 in the 自然人 and 总计 columns.
        let site = site(["requests.received.natural_person": "6", "requests.received.total": "8"])
        let findings = try site.findings()
        #expect(findings.summary == [
            "arith-column-balance@\(cell("（七）总计", 0, site).description)",
            "arith-column-balance@\(cell("（七）总计", 6, site).description)",
        ])
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.map(\.cell) == ["requests.results.total.natural_person", "requests.results.total.total"])
        #expect(findings.map(\.expected) == ["7", "9"])
        #expect(findings.map(\.found) == ["6", "8"])
        #expect(findings.first?.terms == [
            "requests.received.natural_person=6", "requests.carried_over.natural_person=1",
            "requests.results.total.natural_person=5", "requests.carried_forward.natural_person=1",
        ])
    }

    @Test func resultsTotalIsAnError() throws {
        // （一）予以公开 自然人 3 → 4 (its row total 3 → 4), （七）总计 left as it was.
        let site = site(["requests.results.disclosed.natural_person": "4", "requests.results.disclosed.total": "4"])
        let findings = try site.findings()
        #expect(findings.summary == [
            "arith-results-total@\(cell("（七）总计", 0, site).description)",
            "arith-results-total@\(cell("（七）总计", 6, site).description)",
        ])
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.map(\.expected) == ["6", "8"])
        #expect(findings.map(\.found) == ["5", "7"])
    }

    @Test func rowTotalIsAnError() throws {
        // 总计 of 一 7 → 8 and of 二 1 → 0: the 总计 column still balances (8 + 0 = 7 + 1).
        let site = site(["requests.received.total": "8", "requests.carried_over.total": "0"])
        let findings = try site.findings()
        #expect(findings.summary == [
            "arith-row-total@\(cell("一、本年新收政府信息公开申请数量", 6, site).description)",
            "arith-row-total@\(cell("二、上年结转政府信息公开申请数量", 6, site).description)",
        ])
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.map(\.cell) == ["requests.received.total", "requests.carried_over.total"])
        #expect(findings.map(\.expected) == ["7", "1"])
        #expect(findings.map(\.found) == ["8", "0"])
    }

    @Test func outcomeTotalIsAnError() throws {
        let site = site(["appeals.review.total": "3"])
        let at = TestSite.position(["行政复议:", "总计:"], in: path, of: site[path]!)
        let finding = expectOnly(try site.findings(), "arith-outcome-total", .error, at: at)
        #expect(finding?.cell == "appeals.review.total")
        #expect(finding?.expected == "2")
        #expect(finding?.found == "3")
    }

    // MARK: - Omitted totals

    @Test func omittedRowTotalIsComputed() throws {
        var site = site([:])
        site.replace("一、本年新收政府信息公开申请数量: [5, 2, 0, 0, 0, 0, 7]", with: "一、本年新收政府信息公开申请数量: [5, 2, 0, 0, 0, 0]", in: path)
        site.replace("    （七）总计: [5, 2, 0, 0, 0, 0, 7]\n", with: "", in: path)
        #expect(try site.findings().summary == [])
    }

    @Test func omittedOutcomeTotalIsComputed() throws {
        var site = site([:])
        site.replace("    尚未审结: 0\n    总计: 2\n", with: "    尚未审结: 0\n", in: path)
        #expect(try site.findings().summary == [])
    }

    @Test func computedTotalTakesPartInTheIdentities() throws {
        // 总计 of 一 left out, 自然人 5 → 6: the computed 总计 (8) breaks the 总计 column too.
        var site = site(["requests.received.natural_person": "6"])
        site.replace("一、本年新收政府信息公开申请数量: [6, 2, 0, 0, 0, 0, 7]", with: "一、本年新收政府信息公开申请数量: [6, 2, 0, 0, 0, 0]", in: path)
        let findings = try site.findings()
        #expect(findings.of("arith-column-balance").map(\.expected) == ["7", "9"])
        #expect(findings.summary.count == 2)
    }

    // MARK: - A row of the other edition

    @Test func otherHandlingAsOneRowCountsOnce() throws {
        // 一 and （七）总计 both 1 in 自然人 and 总计; the one request is in （六）其他处理, written as one row.
        var site = TestSite(years: [2024], values: [
            "requests.received.natural_person": "6", "requests.received.total": "8",
            "requests.results.total.natural_person": "6", "requests.results.total.total": "8",
        ])
        site.replace(FormRuleTests.otherHandling2021, with: "    （六）其他处理: [1, 0, 0, 0, 0, 0, 1]\n", in: path)
        let findings = try site.findings()
        #expect(findings.of("form-outdated-row").count == 1)
        #expect(findings.of("arith-results-total").filter { $0.cell == "requests.results.total.natural_person" } == [])
        #expect(findings.summary == findings.of("form-outdated-row").summary)
    }
}
