import ReportForm
import Testing

/// Every label of the 2021 form spelled exactly as in /work/shared/spec/report-format.md §7 (and
/// §1.3–§1.5 for the nesting and the 2019 form). The lists below are the independent reference,
/// copied from the spec; they are compared byte for byte.
@Suite struct SpecLabelTests {
    static let sections = [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]

    /// §7 table2: item / row / columns.
    static let table2: [(item: String, row: String, columns: [String])] = [
        ("第二十条第（一）项", "规章", ["本年制发件数", "本年废止件数", "现行有效件数"]),
        ("第二十条第（一）项", "行政规范性文件", ["本年制发件数", "本年废止件数", "现行有效件数"]),
        ("第二十条第（五）项", "行政许可", ["本年处理决定数量"]),
        ("第二十条第（六）项", "行政处罚", ["本年处理决定数量"]),
        ("第二十条第（六）项", "行政强制", ["本年处理决定数量"]),
        ("第二十条第（八）项", "行政事业性收费", ["本年收费金额（单位：万元）"]),
    ]

    static let results = "三、本年度办理结果"
    static let withheld = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                           "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
    static let unavailable = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
    static let notProcessed = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                               "5.要求行政机关确认或重新出具已获取信息"]
    static let otherHandling = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]

    /// §7 table3 rows with the row groups above them (§1.4, levels 1–3), joined with 「/」.
    static func table3Rows(_ version: FormVersion) -> [String] {
        let other = version == .revised2021
            ? otherHandling.map { "\(results)/（六）其他处理/\($0)" } : ["\(results)/（六）其他处理"]
        return ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
                "\(results)/（一）予以公开", "\(results)/（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
            + withheld.map { "\(results)/（三）不予公开/\($0)" }
            + unavailable.map { "\(results)/（四）无法提供/\($0)" }
            + notProcessed.map { "\(results)/（五）不予处理/\($0)" }
            + other + ["\(results)/（七）总计", "四、结转下年度继续办理"]
    }

    static let table3Columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    static let table3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    static let table4Rows = ["行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"]
    static let table4Columns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

    func same(_ model: [String], _ spec: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(model.count == spec.count, sourceLocation: sourceLocation)
        for (written, printed) in zip(model, spec) {
            #expect(Array(written.utf8) == Array(printed.utf8), "「\(written)」 vs spec 「\(printed)」", sourceLocation: sourceLocation)
        }
    }

    @Test func sectionHeadings() {
        same(StatutorySection.all.map(\.heading), Self.sections)
    }

    @Test func table2Of2021() {
        let table = ReportForm.revised2021.table(.active)
        same(table.leafRows.map { $0.labelPath.joined(separator: "/") }, Self.table2.map { "\($0.item)/\($0.row)" })
        same(table.leafRows.flatMap { $0.row.columns.map(\.label) }, Self.table2.flatMap(\.columns))
        #expect(table.cell("active.fees.amount")?.kind == .amount(unit: "万元", decimals: 4))
    }

    @Test(arguments: FormVersion.allCases)
    func table3(version: FormVersion) {
        let table = ReportForm.edition(version).table(.requests)
        same(table.leafRows.map { $0.labelPath.joined(separator: "/") }, Self.table3Rows(version))
        for leaf in table.leafRows { same(leaf.row.columns.map(\.label), Self.table3Columns) }
        #expect(table.note == Self.table3Note)
        #expect(FormTable.requestsNote == Self.table3Note)
        #expect(table.columnHeader == "申请人情况")
        #expect(table.leafRows[0].row.columns.map(\.group) == [nil] + Array(repeating: "法人或其他组织", count: 5) + [nil])
    }

    @Test(arguments: FormVersion.allCases)
    func table4(version: FormVersion) {
        let table = ReportForm.edition(version).table(.appeals)
        same(table.leafRows.map { $0.labelPath.joined(separator: "/") }, Self.table4Rows)
        for leaf in table.leafRows { same(leaf.row.columns.map(\.label), Self.table4Columns) }
    }

    /// §1.3, 2019 试行 format.
    @Test func table2Of2019() {
        let table = ReportForm.trial2019.table(.active)
        let change = ["上一年项目数量", "本年增/减", "处理决定数量"]
        same(table.leafRows.map { $0.labelPath.joined(separator: "/") }, [
            "第二十条第（一）项/规章", "第二十条第（一）项/规范性文件", "第二十条第（五）项/行政许可",
            "第二十条第（五）项/其他对外管理服务事项", "第二十条第（六）项/行政处罚", "第二十条第（六）项/行政强制",
            "第二十条第（八）项/行政事业性收费", "第二十条第（九）项/政府集中采购",
        ])
        same(table.leafRows.flatMap { $0.row.columns.map(\.label) },
             ["本年新制作数量", "本年新公开数量", "对外公开总数量", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
                + change + change + change + change + ["上一年项目数量", "本年增/减", "采购项目数量", "采购总金额"])
        #expect(table.cell("active.licensing.change")?.kind == .change)
    }
}
