import Diagnostics
import Foundation
import ReportForm
import Testing

/// The starting point of every other test: a filled-in template has no finding at all.
@Suite struct ValidReportTests {
    @Test(arguments: [2020, 2024])
    func filledInTemplateHasNoFinding(year: Int) throws {
        let site = TestSite(years: [year])
        #expect(try site.findings().summary == [])
        // The template really is the edition the year requires, and really filled in.
        let tables = try #require(site[TestSite.tables(year)])
        #expect(tables.contains(year == 2020 ? "本年新制作数量" : "本年制发件数"))
        #expect(!(site[TestSite.report(year)] ?? "").contains("待填写"))
    }

    @Test func consecutiveYearsAndBothKindsHaveNoFinding() throws {
        #expect(try TestSite(years: [2020, 2021, 2022, 2023, 2024]).findings().summary == [])
        #expect(try TestSite(years: [2024], kind: .government).findings().summary == [])
    }

    @Test func siteConfigurationIsOptionalAndAcceptedWhenValid() throws {
        var site = TestSite(years: [2024])
        site["nianbao.yaml"] = "name: 青山县人民政府门户网站\ndomain: www.qingshan.gov.cn\nid_code: \"3399000001\"\n"
        #expect(try site.findings().summary == [])
    }

    @Test func byteOrderMarkAndWindowsLineEndsAreAccepted() throws {
        var site = TestSite(years: [2024])
        let path = TestSite.report(2024)
        site.files[path] = [0xEF, 0xBB, 0xBF] + Array(site[path]!.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try site.findings().summary == [])
    }

    @Test func quotedNumbersAreAccepted() throws {
        let site = TestSite(years: [2024], values: [
            "active.licensing.decisions": "\"12\"", "requests.received.natural_person": "'5'", "active.fees.amount": "\"12.50\"",
        ])
        #expect(site[TestSite.tables(2024)]!.contains("本年处理决定数量: \"12\""))
        #expect(try site.findings().summary == [])
    }
}
