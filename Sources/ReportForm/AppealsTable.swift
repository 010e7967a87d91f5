/// Section 四: 政府信息公开行政复议、行政诉讼情况. Identical in both editions: one row of
/// fifteen cells, printed as three groups of five.
extension FormTable {
    static let outcomeColumns: [Column] = [
        Column("upheld", "结果维持"),
        Column("corrected", "结果纠正"),
        Column("other", "其他结果"),
        Column("pending", "尚未审结"),
        Column("total", "总计"),
    ]

    static let appeals: FormTable = FormTable(
        id: .appeals, layout: .transposed,
        rows: [
            .row(Row("review", "行政复议", columns: outcomeColumns)),
            .group(RowGroup("litigation", "行政诉讼", [
                .row(Row("direct", "未经复议直接起诉", columns: outcomeColumns)),
                .row(Row("after_review", "复议后起诉", columns: outcomeColumns)),
            ])),
        ])
}
