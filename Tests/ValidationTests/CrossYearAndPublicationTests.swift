import Diagnostics
import Foundation
import ReportForm
import Testing

/// Rules across consecutive years and about publication (rules+Publication).
@Suite struct CrossYearAndPublicationTests {
    // MARK: - Across years

    @Test func carriedOverMustEqualLastYearsCarriedForward() throws {
        // 2024 carries over 2 (自然人) where 2023 carried forward 1; 2024 itself still balances.
        var changed = TestSite(years: [2023, 2024])
        changed[TestSite.tables(2024)] = TestSite.tablesYAML(year: 2024, values: [
            "requests.carried_over.natural_person": "2", "requests.carried_over.total": "2",
            "requests.carried_forward.natural_person": "2", "requests.carried_forward.total": "2",
        ])
        let path = TestSite.tables(2024)
        let text = changed[path]!
        let findings = try changed.findings()
        #expect(findings.summary == [
            "carry-over-mismatch@\(TestSite.position(row: "二、上年结转政府信息公开申请数量", element: 0, in: path, of: text).description)",
            "carry-over-mismatch@\(TestSite.position(row: "二、上年结转政府信息公开申请数量", element: 6, in: path, of: text).description)",
        ])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(findings.map(\.expected) == ["1", "1"])
        #expect(findings.map(\.found) == ["2", "2"])
        #expect(findings.map(\.cell) == ["requests.carried_over.natural_person", "requests.carried_over.total"])
    }

    @Test func yearsThatAreNotConsecutiveAreNotCompared() throws {
        var site = TestSite(years: [2022, 2024])
        site[TestSite.tables(2024)] = TestSite.tablesYAML(year: 2024, values: [
            "requests.carried_over.natural_person": "2", "requests.carried_over.total": "2",
            "requests.carried_forward.natural_person": "2", "requests.carried_forward.total": "2",
        ])
        #expect(try site.findings().summary == [])
    }

    @Test func stockDriftBetweenTwoYearsOfThe2021Form() throws {
        // 2021: 10 in force; 2022: + 2 issued − 1 repealed should give 11, not 15.
        var site = TestSite(years: [2021, 2022])
        site[TestSite.tables(2022)] = TestSite.tablesYAML(year: 2022, values: ["active.normative_documents.in_force": "15"])
        let path = TestSite.tables(2022)
        let at = TestSite.position(["行政规范性文件:", "现行有效件数:"], in: path, of: site[path]!)
        let finding = expectOnly(try site.findings(), "stock-drift", .warning, at: at)
        #expect(finding?.cell == "active.normative_documents.in_force")
        #expect(finding?.expected == "11")
        #expect(finding?.found == "15")
    }

    @Test func noStockCheckFromThe2019Form() throws {
        var site = TestSite(years: [2020, 2021])
        site[TestSite.tables(2021)] = TestSite.tablesYAML(year: 2021, values: ["active.normative_documents.in_force": "15"])
        #expect(try site.findings().summary == [])
    }

    // MARK: - Deadlines

    func published(_ date: String, kind: AgencyKind) throws -> [Finding] {
        var site = TestSite(years: [2024], kind: kind)
        site.replace("published: 2025-01-20 09:30", with: "published: \(date)", in: TestSite.report(2024))
        return try site.findings()
    }

    var publishedAt: Location { Location(file: TestSite.report(2024), line: 5, column: 12) }

    @Test func departmentOneDayLate() throws {
        let finding = expectOnly(try published("2025-02-01 09:00", kind: .department), "published-late", .warning, at: publishedAt)
        #expect(finding?.message.contains("逾期 1 天") == true)
        #expect(finding?.expected == "2025年1月31日")
        #expect(finding?.found == "2025年2月1日")
    }

    @Test func departmentOnTheLastDay() throws {
        #expect(try published("2025-01-31 23:59", kind: .department).summary == [])
    }

    @Test func governmentOnTheLastDay() throws {
        #expect(try published("2025-03-31 09:00", kind: .government).summary == [])
    }

    @Test func governmentOneDayLate() throws {
        let finding = expectOnly(try published("2025-04-01 09:00", kind: .government), "published-late", .warning, at: publishedAt)
        #expect(finding?.message.contains("逾期 1 天") == true)
        #expect(finding?.expected == "2025年3月31日")
    }

    @Test func publishedBeforeTheYearEnded() throws {
        let finding = expectOnly(try published("2024-12-31 09:00", kind: .department), "published-early", .warning, at: publishedAt)
        #expect(finding?.found == "2024年12月31日")
        #expect(try published("2025-01-01 09:00", kind: .department).summary == [])
    }

    // MARK: - 信息处理费

    func withoutFeeStatement(_ year: Int) throws -> [Finding] {
        var site = TestSite(years: [year])
        site.replace(TestSite.sectionText[6]!, with: "无其他需要报告的事项。", in: TestSite.report(year))
        return try site.findings()
    }

    @Test func feeStatementMissingOnThe2021Form() throws {
        let finding = expectOnly(
            try withoutFeeStatement(2024), "fee-statement-missing", .warning,
            at: Location(file: TestSite.report(2024), line: 31, column: 1))
        #expect(finding?.hint?.contains("信息处理费") == true)
    }

    @Test func noFeeStatementNeededOnThe2019Form() throws {
        #expect(try withoutFeeStatement(2020).summary == [])
    }
}
