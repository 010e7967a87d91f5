/// Section 二: 主动公开政府信息情况, one block per item of 条例第二十条.
extension FormTable {
    static func activeDisclosure(_ version: FormVersion) -> FormTable {
        switch version {
        case .revised2021: FormTable(id: .active, layout: layout, rows: active2021)
        case .trial2019: FormTable(id: .active, layout: layout, rows: active2019)
        }
    }

    /// The first header cell of every block.
    private static let layout = TableLayout.blocks(rowHeader: "信息内容")

    private static let decisions2021 = Column("decisions", "本年处理决定数量")

    private static let active2021: [RowNode] = {
        let documents = [
            Column("issued", "本年制发件数"),
            Column("repealed", "本年废止件数"),
            Column("in_force", "现行有效件数", variants: ["现行有效件"]),
        ]
        return [
            .group(RowGroup(nil, "第二十条第（一）项", [
                .row(Row("regulations", "规章", columns: documents)),
                .row(Row("normative_documents", "行政规范性文件", columns: documents)),
            ])),
            .group(RowGroup(nil, "第二十条第（五）项", [
                .row(Row("licensing", "行政许可", columns: [decisions2021])),
            ])),
            .group(RowGroup(nil, "第二十条第（六）项", [
                .row(Row("penalties", "行政处罚", columns: [decisions2021])),
                .row(Row("coercion", "行政强制", columns: [decisions2021])),
            ])),
            .group(RowGroup(nil, "第二十条第（八）项", [
                .row(Row("fees", "行政事业性收费", columns: [
                    Column("amount", "本年收费金额（单位：万元）", kind: .amount(unit: "万元", decimals: 4),
                           variants: ["本年收费金额(单位:万元)", "本年收费金额（万元）", "本年收费金额"]),
                ])),
            ])),
        ]
    }()

    private static let active2019: [RowNode] = {
        let documents = [
            Column("made", "本年新制作数量"),
            Column("published", "本年新公开数量"),
            Column("total_published", "对外公开总数量"),
        ]
        let previous = Column("previous", "上一年项目数量")
        let change = Column("change", "本年增/减", kind: .change, variants: ["本年增／减", "本年增减"])
        let decisions = Column("decisions", "处理决定数量")
        return [
            .group(RowGroup(nil, "第二十条第（一）项", [
                .row(Row("regulations", "规章", columns: documents)),
                .row(Row("normative_documents", "规范性文件", columns: documents)),
            ])),
            .group(RowGroup(nil, "第二十条第（五）项", [
                .row(Row("licensing", "行政许可", columns: [previous, change, decisions])),
                .row(Row("other_services", "其他对外管理服务事项", columns: [previous, change, decisions])),
            ])),
            .group(RowGroup(nil, "第二十条第（六）项", [
                .row(Row("penalties", "行政处罚", columns: [previous, change, decisions])),
                .row(Row("coercion", "行政强制", columns: [previous, change, decisions])),
            ])),
            .group(RowGroup(nil, "第二十条第（八）项", [
                .row(Row("fees", "行政事业性收费", columns: [previous, change])),
            ])),
            .group(RowGroup(nil, "第二十条第（九）项", [
                .row(Row("procurement", "政府集中采购", columns: [
                    Column("projects", "采购项目数量"),
                    // The form prints no unit for this column: none is assumed.
                    Column("amount", "采购总金额", kind: .amount(unit: nil, decimals: 4)),
                ])),
            ])),
        ]
    }()
}
