import Diagnostics
import Foundation
import ReportForm
import Scaffold
import SiteModel
import Testing

/// 万元 amounts as offices print them (issue 24): up to four decimals, shown as written; no
/// unit is named where the form prints none.
@Suite struct AmountTests {
    let path = TestSite.tables(2024)

    @Test("万元 amounts to four decimals are read and shown as written", arguments: ["72701.2578", "4068.208", "96171.6", "0", "12.50"])
    func amountAsWritten(written: String) throws {
        let site = TestSite(years: [2024], values: ["active.fees.amount": written])
        #expect(try site.findings().summary == [])
        #expect(try PrintedTables.tables(site)["active.fees.amount"]?.text == written)
    }

    @Test func fiveDecimalsAreTooMany() throws {
        let site = TestSite(years: [2024], values: ["active.fees.amount": "1.23456"])
        let at = TestSite.position(["行政事业性收费:", "本年收费金额（单位：万元）:"], in: path, of: site[path]!)
        let finding = expectOnly(try site.findings(), "cell-value", .error, at: at)
        #expect(finding?.hint == "金额最多保留 4 位小数。")
    }

    @Test("the 2019 form's 采购总金额 has no unit, and the hint names none")
    func procurementUnitIsNotInvented() throws {
        let site = TestSite(years: [2020], values: ["active.procurement.amount": "251000元"])
        let path = TestSite.tables(2020)
        let at = TestSite.position(["政府集中采购:", "采购总金额:"], in: path, of: site[path]!)
        let finding = try #require(expectOnly(try site.findings(), "cell-value", .error, at: at))
        let hint = try #require(finding.hint)
        #expect(!hint.contains("万元"), "\(hint)")
        #expect(!hint.contains("单位已在表头中"), "\(hint)")
        #expect(hint.contains("251000"))
    }

    @Test("本年收费金额 keeps its 万元 hint")
    func feeUnitHint() throws {
        let site = TestSite(years: [2024], values: ["active.fees.amount": "251000元"])
        let finding = try #require(try site.findings().first)
        #expect(finding.hint?.contains("251000元 = 25.10 万元") == true)
    }
}
