import Diagnostics
import Foundation
import ReportForm
import Scaffold
import Testing

/// Which edition, which rows and cells, and what a cell may hold (rules+Form).
@Suite struct FormRuleTests {
    let path = TestSite.tables(2024)
    var site = TestSite(years: [2024])
    var text: String { site[path]! }

    static let otherHandling2021 = """
            （六）其他处理:
              1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]
              2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]
              3.其他: [0, 0, 0, 0, 0, 0, 0]
        """

    // MARK: - Edition

    @Test func reportOn2022WithTheTablesOf2019IsAnError() throws {
        var site = TestSite(years: [2022])
        let tables = TablesTemplate.yaml(
            for: .trial2019, year: 2022, values: TestSite.standardValues(.trial2019, year: 2022))
        site[TestSite.tables(2022)] = tables
        // Reported at the first label that does not fit the 2021 form: 规章 / 本年新制作数量.
        let at = TestSite.position(["规章:", "本年新制作数量:"], in: TestSite.tables(2022), of: tables, key: true)
        let finding = expectOnly(try site.findings(), "form-version", .error, at: at)
        #expect(finding?.expected == "2021年格式")
        #expect(finding?.found == "2019年试行格式")
    }

    @Test func reportOn2020WithTheTablesOf2021IsAnError() throws {
        var site = TestSite(years: [2020])
        let tables = TablesTemplate.yaml(
            for: .revised2021, year: 2020, values: TestSite.standardValues(.revised2021, year: 2021))
        site[TestSite.tables(2020)] = tables
        let at = TestSite.position(["规章:", "本年制发件数:"], in: TestSite.tables(2020), of: tables, key: true)
        let finding = expectOnly(try site.findings(), "form-version", .error, at: at)
        #expect(finding?.expected == "2019年试行格式")
        #expect(finding?.found == "2021年格式")
    }

    @Test mutating func otherHandlingAsOneRowIsAnOutdatedRow() throws {
        site.replace(Self.otherHandling2021, with: "    （六）其他处理: [0, 0, 0, 0, 0, 0, 0]\n", in: path)
        let at = TestSite.position(["（六）其他处理:"], in: path, of: text, key: true)
        let finding = expectOnly(try site.findings(), "form-outdated-row", .error, at: at)
        #expect(finding?.message.contains("分为 3 行") == true)
    }

    @Test mutating func columnOfThe2019FormIsAnOutdatedRowAndLeavesItsCellBlank() throws {
        site.replace("      本年制发件数: 0\n", with: "      本年新制作数量: 0\n", in: path)
        let findings = try site.findings()
        #expect(findings.summary == [
            "cell-blank@\(TestSite.position(["规章:"], in: path, of: text, key: true).description)",
            "form-outdated-row@\(TestSite.position(["规章:", "本年新制作数量:"], in: path, of: text, key: true).description)",
        ])
        #expect(findings.map(\.severity) == [.warning, .error])
        #expect(findings.first?.cell == "active.regulations.issued")
    }

    // 规范性文件 on the 2021 form: PrintedTablesTests.rowLabelOfThe2019FormKeepsItsNumbers.

    // MARK: - Rows and cells

    @Test mutating func rowMissing() throws {
        site.replace("      2.重复申请: [0, 0, 0, 0, 0, 0, 0]\n", with: "", in: path)
        let at = TestSite.position(["（五）不予处理:"], in: path, of: text, key: true)
        let finding = expectOnly(try site.findings(), "cell-missing", .error, at: at)
        #expect(finding?.message.contains("2.重复申请") == true)
    }

    // A cell left out of its row is blank: PrintedTablesTests.cellLeftOutOfItsRowIsBlank.

    @Test mutating func unknownRowSuggestsTheLabelMeant() throws {
        site.replace("      2.重复申请: [", with: "      2.重复的申请: [", in: path)
        let findings = try site.findings()
        let unknownAt = TestSite.position(["2.重复的申请:"], in: path, of: text, key: true)
        let missingAt = TestSite.position(["（五）不予处理:"], in: path, of: text, key: true)
        #expect(findings.summary == ["cell-missing@\(missingAt.description)", "cell-unknown@\(unknownAt.description)"])
        let unknown = try #require(findings.of("cell-unknown").first)
        #expect(unknown.severity == .error)
        #expect(unknown.found == "2.重复的申请")
        #expect(unknown.hint == "您是否想写「2.重复申请」？")
    }

    @Test mutating func unknownColumnSuggestsTheLabelMeant() throws {
        site.replace("    总计: 2\n", with: "    合计: 2\n", in: path)
        let findings = try site.findings()
        let unknown = try #require(findings.of("cell-unknown").first)
        #expect(unknown.location == TestSite.position(["行政复议:", "合计:"], in: path, of: text, key: true))
        #expect(unknown.hint == "您是否想写「总计」？")
        // 总计 may be left out (it is computed), so nothing is missing and nothing is added up wrong.
        #expect(findings.summary == ["cell-unknown@\(unknown.location.description)"])
    }

    // MARK: - Label variants

    @Test(arguments: [
        ("（一）予以公开", "(一)予以公开"),
        ("（一）予以公开", "（一）予以公開"),
        ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
    ])
    func rowLabelVariantIsAWarning(canonical: String, written: String) throws {
        var site = TestSite(years: [2024])
        site.replace("\(canonical): [", with: "\(written): [", in: path)
        let at = TestSite.position([written + ":"], in: path, of: site[path]!, key: true)
        let finding = expectOnly(try site.findings(), "label-variant", .warning, at: at)
        #expect(finding?.expected == canonical)
        #expect(finding?.found == written)
    }

    @Test mutating func truncatedColumnLabelIsAWarning() throws {
        site.replace("      现行有效件数: 0\n", with: "      现行有效件: 0\n", in: path)
        let at = TestSite.position(["规章:", "现行有效件:"], in: path, of: text, key: true)
        let finding = expectOnly(try site.findings(), "label-variant", .warning, at: at)
        #expect(finding?.expected == "现行有效件数")
    }

    // MARK: - Cell values

    @Test(arguments: [
        ("active.regulations.issued", "１２３", "改为半角数字：123"),
        ("active.regulations.issued", "\"1,234\"", "去掉分隔符：1234"),
        ("active.fees.amount", "251000元", "251000元 = 25.10 万元"),
        ("active.regulations.issued", "22（其中修订16件）", "单元格只填数字 22"),
        ("active.regulations.issued", "1.5", "件数必须是整数"),
        ("active.fees.amount", "1.23456", "最多保留 4 位小数"),
        ("active.regulations.issued", "三", "改为阿拉伯数字"),
    ])
    func cellValueIsRejectedWithAHint(cell: String, written: String, hint: String) throws {
        let site = TestSite(years: [2024], values: [cell: written])
        let keys = cell == "active.fees.amount" ? ["行政事业性收费:", "本年收费金额（单位：万元）:"] : ["规章:", "本年制发件数:"]
        let finding = expectOnly(
            try site.findings(), "cell-value", .error, at: TestSite.position(keys, in: path, of: site[path]!))
        #expect(finding?.cell == cell)
        #expect(finding?.found == written.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        #expect(finding?.hint?.contains(hint) == true, "\(finding?.hint ?? "no hint")")
    }

    @Test mutating func blankCellIsAWarning() throws {
        site.replace("      本年制发件数: 0\n", with: "      本年制发件数:\n", in: path)
        // The value is empty, so YAML places it right after the colon.
        var at = TestSite.position(["规章:", "本年制发件数:"], in: path, of: text)
        at.column -= 1
        let finding = expectOnly(try site.findings(), "cell-blank", .warning, at: at)
        #expect(finding?.hint?.contains("没有发生的填 0") == true)
    }

    @Test func nullInARowIsABlankCell() throws {
        let site = TestSite(years: [2024], values: ["requests.received.commercial": "~"])
        let at = TestSite.position(row: "一、本年新收政府信息公开申请数量", element: 1, in: path, of: site[path]!)
        let finding = expectOnly(try site.findings(), "cell-blank", .warning, at: at)
        #expect(finding?.cell == "requests.received.commercial")
    }

    @Test func negativeCountIsAWarning() throws {
        let site = TestSite(years: [2024], values: ["active.regulations.issued": "-3"])
        let at = TestSite.position(["规章:", "本年制发件数:"], in: path, of: site[path]!)
        let finding = expectOnly(try site.findings(), "cell-negative", .warning, at: at)
        #expect(finding?.found == "-3")
    }

    @Test func negativeChangeOnThe2019FormIsAccepted() throws {
        let site = TestSite(years: [2020], values: ["active.penalties.change": "-8"])
        #expect(site[TestSite.tables(2020)]!.contains("本年增/减: -8"))
        #expect(try site.findings().summary == [])
    }

    @Test func amountWithTwoDecimalsIsAccepted() throws {
        #expect(try TestSite(years: [2024], values: ["active.fees.amount": "96171.6"]).findings().summary == [])
    }
}
