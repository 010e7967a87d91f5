import ReportForm

extension Rule {
    public static let carryOverMismatch = Rule(
        id: "carry-over-mismatch", family: .acrossYears, severity: .warning, title: "上年结转与上一年度报告不一致",
        checks: "本年度第三部分「\(ReportForm.revised2021.label(ofRow: "requests.carried_over"))」每一列应等于同一机关上一年度报告「\(ReportForm.revised2021.label(ofRow: "requests.carried_forward"))」的同一列。",
        basis: "推论：结转件数前后衔接。年报格式未明文规定，因此作为警告。", fix: "核对两份报告；如上一年度报告有误，应在本年度报告中说明。")
    public static let stockDrift = Rule(
        id: "stock-drift", family: .acrossYears, severity: .warning, title: "现行有效件数与上年不衔接",
        checks: { () -> String in
            let form = ReportForm.revised2021
            let column = { (id: String) in form.cellsByID["active.regulations." + id]!.column.label }
            let rows = ["regulations", "normative_documents"].map { form.label(ofRow: "active." + $0) }
            return "\(column("in_force")) ≈ 上年\(column("in_force")) ＋ \(column("issued")) － \(column("repealed"))（"
                + rows.joined(separator: "、") + "）。清理、修订可能使其不成立。"
        }(),
        basis: "推论，年报格式未规定，因此只作警告。", fix: "核对件数；如因集中清理等原因不衔接，请在正文中说明。")
    public static let publishedLate = Rule(
        id: "published-late", family: .publication, severity: .warning, title: "逾期公布",
        checks: "上一年度报告的公布时限：\(AgencyKind.deadlines)。机关类别取自 agency.yaml 的 kind。",
        basis: AgencyKind.deadlineBasis + "。", fix: "如实填写发布时间；逾期的应在报告中说明原因。")
    public static let publishedEarly = Rule(
        id: "published-early", family: .publication, severity: .warning, title: "发布时间早于统计期限结束",
        checks: "年度报告的统计期限为报告年度1月1日至12月31日，发布时间应在此之后。",
        basis: "实际报告的通行写法；年报格式未明文规定，因此作为警告。", fix: "核对 published 的年份。")
    public static let feeStatementMissing = Rule(
        id: "fee-statement-missing", family: .publication, severity: .warning, title: "未说明信息处理费收取情况",
        checks: "2021年格式的报告应说明依据\(FeeStatement.basis)收取\(FeeStatement.keyword)的情况（包括未收取），通常写在「\(StatutorySection.all[FeeStatement.sectionNumber - 1].heading)」中；写在正文其他部分的也算。实际报告的说法各不相同，如「收取信息处理费0元」「未收取信息公开处理费」「未发生收费情况」「均未收费」，都视为已说明。",
        basis: "\(FormVersion.revised2021.issuingDocument)第（六）项的要求（原文未能核实，因此作为警告）。",
        fix: "在第六部分写明，例如：「本年度未收取\(FeeStatement.keyword)。」或「共收取\(FeeStatement.keyword)×元。」")

    static let acrossYearRules = [carryOverMismatch, stockDrift]
    public static let reportYearFuture = Rule(
        id: "report-year-future", family: .publication, severity: .error, title: "报告年度尚未到来",
        checks: "报告年度不能晚于今年（北京时间）：年度报告在年度结束后编制。测试时可用环境变量 NIANBAO_TODAY=YYYY-MM-DD 指定“今天”。",
        basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条：报告上一年度的政府信息公开工作。",
        fix: "核对年度文件夹名和 year。")

    static let publicationRules = [publishedLate, publishedEarly, reportYearFuture, feeStatementMissing]
}
