/// Section 三: 收到和处理政府信息公开申请情况. Columns are the applicants; rows the requests
/// received, carried over, the results, and those carried forward.
extension FormTable {
    /// The note printed in the corner of the table, stating its column identity.
    public static let requestsNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    /// The applicant columns in official order; the last is the row total.
    static let applicantColumns: [Column] = {
        let organisations = "法人或其他组织"
        return [
            Column("natural_person", "自然人"),
            Column("commercial", "商业企业", group: organisations),
            Column("research", "科研机构", group: organisations),
            Column("public_interest", "社会公益组织", group: organisations),
            Column("legal_services", "法律服务机构", group: organisations),
            Column("other_org", "其他", group: organisations),
            Column("total", "总计"),
        ]
    }()

    static func requests(_ version: FormVersion) -> FormTable {
        let columns = applicantColumns
        func row(_ id: String, _ label: String, variants: [String] = []) -> RowNode {
            .row(Row(id, label, variants: variants, columns: columns))
        }
        let otherHandling: RowNode =
            switch version {
            case .trial2019: row("other", "（六）其他处理")
            case .revised2021:
                .group(RowGroup("other", "（六）其他处理", [
                    row("overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                    row("unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                    row("other", "3.其他"),
                ]))
            }
        let results = RowGroup("results", "三、本年度办理结果", [
            row("disclosed", "（一）予以公开"),
            row("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            .group(RowGroup("withheld", "（三）不予公开", [
                row("state_secret", "1.属于国家秘密"),
                row("prohibited_by_law", "2.其他法律行政法规禁止公开", variants: ["2.其他法律行政止公开"]),
                row("three_safeties", "3.危及“三安全一稳定”"),
                row("third_party", "4.保护第三方合法权益"),
                row("internal_affairs", "5.属于三类内部事务信息"),
                row("process_information", "6.属于四类过程性信息"),
                row("enforcement_files", "7.属于行政执法案卷"),
                row("inquiry", "8.属于行政查询事项"),
            ])),
            .group(RowGroup("unavailable", "（四）无法提供", [
                row("not_held", "1.本机关不掌握相关政府信息"),
                row("needs_creation", "2.没有现成信息需要另行制作"),
                row("still_unclear", "3.补正后申请内容仍不明确"),
            ])),
            .group(RowGroup("not_processed", "（五）不予处理", [
                row("petition", "1.信访举报投诉类申请"),
                row("repeated", "2.重复申请"),
                row("publication", "3.要求提供公开出版物"),
                row("excessive", "4.无正当理由大量反复申请"),
                row("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
            ])),
            otherHandling,
            row("total", "（七）总计"),
        ])
        return FormTable(
            id: .requests, layout: .matrix, note: requestsNote, columnHeader: "申请人情况",
            rows: [
                row("received", "一、本年新收政府信息公开申请数量"),
                row("carried_over", "二、上年结转政府信息公开申请数量"),
                .group(results),
                row("carried_forward", "四、结转下年度继续办理"),
            ])
    }
}
