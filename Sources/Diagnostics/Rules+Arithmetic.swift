import ReportForm

/// Row and column labels quoted in rule texts, taken from the form model.
private let form = ReportForm.revised2021
private func row(_ id: String) -> String { "「" + form.label(ofRow: "requests." + id) + "」" }
private let applicants = form.columnLabels(of: .requests)
private let outcomes = form.columnLabels(of: .appeals)

extension Rule {
    public static let columnBalance = Rule(
        id: "arith-column-balance", family: .arithmetic, severity: .error, title: "勾稽关系不成立：一＋二≠三＋四",
        checks: "第三部分表格每一列：第一项\(row("received"))加第二项\(row("carried_over"))之和，等于第三项\(row("results.total"))加第四项\(row("carried_forward"))之和。",
        basis: "年报格式表格注明：\(FormTable.requestsNote)",
        fix: "核对该列四个数字；常见原因是漏记结转件数或把部分公开同时计入其他情形。")
    public static let resultsTotal = Rule(
        id: "arith-results-total", family: .arithmetic, severity: .error, title: "\(form.label(ofRow: "requests.results.total"))不等于各办理结果之和",
        checks: "第三部分表格每一列：\(row("results.total"))等于\(row("results"))下其余各行之和。",
        basis: "由“总计”推出：总计不等于其各项之和，公布的表格就是错的（issue 24）。年报格式未另行印出这一关系，评查中普遍按此核对。",
        fix: "核对各办理结果行；部分公开的申请只计入（二），不计其他情形。")
    public static let rowTotal = Rule(
        id: "arith-row-total", family: .arithmetic, severity: .error, title: "行总计不等于各类申请人之和",
        checks: "第三部分表格每一行：\(applicants.last!)等于" + applicants.dropLast().joined(separator: "、") + "之和。",
        basis: "由表头“总计”推出：各类申请人互不重叠，总计不等于其和，公布的表格就是错的。年报格式未另行印出这一关系。", fix: "核对该行各列；也可以省略总计，由 nianbao 计算。")
    public static let outcomeTotal = Rule(
        id: "arith-outcome-total", family: .arithmetic, severity: .error, title: "复议、诉讼总计不等于各结果之和",
        checks: "第四部分表格每一组（" + form.table(.appeals).leafRows.map(\.row.label).joined(separator: "、") + "）：\(outcomes.last!)等于"
            + outcomes.dropLast().joined(separator: "、") + "之和。",
        basis: "由“总计”推出：四种结果互不重叠，总计不等于其和，公布的表格就是错的。年报格式未另行印出这一关系。", fix: "核对该组五个数字。")

    /// The rule that checks identities of `kind`.
    public static func checking(_ kind: IdentityKind) -> Rule {
        switch kind {
        case .columnBalance: columnBalance
        case .resultsTotal: resultsTotal
        case .rowTotal: rowTotal
        case .outcomeTotal: outcomeTotal
        }
    }

    static let arithmeticRules = [columnBalance, resultsTotal, rowTotal, outcomeTotal]
}
