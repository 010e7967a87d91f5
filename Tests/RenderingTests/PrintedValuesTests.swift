import ReportForm
import Rendering
@_spi(Fuzzing) import SiteModel
import Testing

/// Values written the way offices print them, rendered: the 2019 name of a renamed row shows
/// its numbers under the official label, amounts keep the decimals written.
@Suite struct PrintedValuesTests {
    /// Section 二 of a 2023 report (2021 form) written with 「规范性文件」 and a four-decimal fee,
    /// as 沭阳县发改局 2023 and 淮安市 reports print them.
    static let tables = """
        二、主动公开政府信息情况:
          第二十条第（一）项:
            规章:
              本年制发件数: 0
              本年废止件数: 0
              现行有效件数: 0
            规范性文件:
              本年制发件数: 8
              本年废止件数: 0
              现行有效件数: 18
          第二十条第（五）项:
            行政许可:
              本年处理决定数量: 0
          第二十条第（六）项:
            行政处罚:
              本年处理决定数量: 0
            行政强制:
              本年处理决定数量: 0
          第二十条第（八）项:
            行政事业性收费:
              本年收费金额（单位：万元）: 72701.2578

        """

    @Test func renamedRowAndFourDecimalsAreRendered() throws {
        let report = Fuzzing.report(markdown: Array("# 报告\n".utf8), tables: Array(Self.tables.utf8), year: 2023)
        let tables = try #require(report.tables)
        let html = StatutoryTableHTML.html(tables.form.table(.active), values: tables)
        // The official label heads the row, and the numbers written under 规范性文件 fill it.
        #expect(html.contains(
            ">行政规范性文件</th><td class=\"num\" headers=\"active-block-0 active-row-active-normative-documents active-block-0-issued\">8</td>"))
        #expect(html.contains("active-block-0-in-force\">18</td>"))
        #expect(!html.contains(">规范性文件<"))
        #expect(html.contains("active-block-3-amount\">72701.2578</td>"))
    }
}

extension PrintedValuesTests {
    @Test("a total left out is shown, marked as computed; a typed one is not marked")
    func computedTotalIsMarked() throws {
        let tables = """
            四、政府信息公开行政复议、行政诉讼情况:
              行政复议:
                结果维持: 1
                结果纠正: 1
                其他结果: 0
                尚未审结: 0
              行政诉讼:
                未经复议直接起诉:
                  结果维持: 0
                  结果纠正: 0
                  其他结果: 0
                  尚未审结: 1
                  总计: 1

            """
        let report = Fuzzing.report(markdown: Array("# 报告\n".utf8), tables: Array(tables.utf8), year: 2023)
        let values = try #require(report.tables)
        let html = StatutoryTableHTML.html(values.form.table(.appeals), values: values)
        // 行政复议 总计 = 1 + 1, computed; 未经复议直接起诉 总计 typed.
        #expect(html.contains("<span class=\"computed\" title=\"\(StatutoryTableHTML.computedNote)\">2</span></td>"))
        #expect(StatutoryTableHTMLTests.count("class=\"computed\"", in: html) == 1)
    }
}
