import ReportForm

extension Rule {
    public static let taskListInvalid = Rule(
        id: "task-list-invalid", family: .tasks, severity: .error, title: "任务清单文件有误",
        checks: "Content/_tasks/ 中的任务清单写明 title、year 和每项任务的 number、title、deadline；完成时限能识别为日期（如「2020年12月底前」「2020年10月20日前」）、几个分别有日期的部分（用「；」或「，」分开）或「持续推进」。识别不了的时限不会被猜测。",
        basis: "《2020年税务系统政务公开工作重点任务清单》（国家税务总局办公厅，2020年7月28日）的写法。",
        fix: "按所示行列改正；时限写成「YYYY年M月底前」「YYYY年M月D日前」「YYYY年底前」「持续推进」或「根据当地实际确定」，几部分用「；」分开。")
    public static let tasksFileInvalid = Rule(
        id: "tasks-file-invalid", family: .tasks, severity: .error, title: "tasks.yaml 有误",
        checks: "tasks.yaml 写明 list（Content/_tasks/ 中任务清单的文件名，不含 .yaml），tasks 下每项以任务序号为键，可写 status（「完成」「推进中」或「不适用」，必填）、completed（完成日期 YYYY-MM-DD）、evidence（本站页面的链接或一句说明）、reason（不适用的理由）、deadline（清单规定由各地自定时限时，本机关的时限）；序号在清单中存在，清单是报告年度的。",
        basis: "nianbao 的 tasks.yaml 格式（README「重点任务落实情况」）。",
        fix: "按所示行列改正；`nianbao new` 为清单适用的报告生成完整的 tasks.yaml。")
    public static let taskNotAddressed = Rule(
        id: "task-not-addressed", family: .tasks, severity: .error, title: "重点任务未报告落实情况",
        checks: "任务清单适用的机关（applies_to 所列机关及其下级）在清单年度的报告中，对清单的每项任务都说明落实情况（tasks.yaml）。",
        basis: "《2020年税务系统政务公开工作重点任务清单》第23项：各级税务机关贯彻落实本《任务清单》的主要情况，要纳入2020年度政府信息公开工作年度报告予以公开。",
        fix: "在报告文件夹的 tasks.yaml 中为该任务写明 status（完成、推进中或不适用）。")
    public static let taskOverdue = Rule(
        id: "task-overdue", family: .tasks, severity: .warning, title: "已过完成时限的任务未标为完成",
        checks: "任务的完成时限（有几部分时取最晚的日期；「根据当地实际确定」的取 tasks.yaml 中该任务的 deadline）早于报告发布日期（未写发布日期时为报告年度12月31日），而状态不是「完成」。",
        basis: "任务清单的完成时限。未按期完成是需要如实说明的事实，不应为了通过检查而改写，因此只作警告。",
        fix: "如已完成，改为 status: 完成 并写明 completed 日期；如未完成，在 evidence 中说明原因和进展。")
    public static let taskReasonMissing = Rule(
        id: "task-reason-missing", family: .tasks, severity: .error, title: "「不适用」未说明理由",
        checks: "status 为「不适用」的任务写明 reason（为什么本机关不适用）。",
        basis: "任务清单要求各级税务机关对照落实；不落实须说明理由，接受社会监督。",
        fix: "加上 reason: 说明理由，例如「本局不具有执法主体资格」。")
    public static let taskEvidenceUnresolved = Rule(
        id: "task-evidence-unresolved", family: .tasks, severity: .error, title: "落实依据的链接无法到达",
        checks: "evidence 写成链接（以 /、./、../ 或本站网址开头）时，指向本站生成的页面或文件；链接到其他网站的不检查。生成网站时还会检查 #锚点。",
        basis: "《政府网站发展指引》（国办发〔2017〕47号）：网站不得出现错链、断链。",
        fix: "改正链接，例如 ../2020/ 或 ../../jiangyu-tax/2020/data.csv；也可以改写成一句说明。")

    static let taskRules = [taskListInvalid, tasksFileInvalid, taskNotAddressed, taskOverdue, taskReasonMissing, taskEvidenceUnresolved]
}

extension Rule {
    public static let rollupMismatch = Rule(
        id: "rollup-mismatch", family: .rollup, severity: .error, title: "汇总表与下级机关之和不一致",
        checks: "agency.yaml 的 rollup 所列年度，本机关的统计表是其下级机关（parent 为本机关）同一年度统计表的逐格之和。未写 tables.yaml 时由 nianbao 计算；写了的逐格核对，不一致的格子给出各下级机关的数。",
        basis: "汇总报表的定义：上级机关汇总本系统各单位的数据。",
        fix: "核对所示格子和各下级机关的报表；或删除 tables.yaml，由 nianbao 计算。")
    public static let rollupFormMismatch = Rule(
        id: "rollup-form-mismatch", family: .rollup, severity: .error, title: "下级机关的表格版本与汇总机关不同",
        checks: "被汇总的各下级机关报告与汇总机关使用同一版本的统计表（\(FormVersion.trial2019.displayName)或\(FormVersion.revised2021.displayName)），否则各格无法逐一相加。",
        basis: "\(FormVersion.revised2021.issuingDocument)；两种格式的行列不同。",
        fix: "把该下级机关的 tables.yaml 改为报告年度要求的版本（`nianbao new` 生成空表）。")
    public static let rollupChildren = Rule(
        id: "rollup-children", family: .rollup, severity: .warning, title: "汇总缺少下级机关",
        checks: "声明为汇总的年度，至少有一个下级机关有该年度报告；下级机关缺少该年度报告或统计表时，汇总表不含该机关。",
        basis: "汇总报表应覆盖全部下级机关。",
        fix: "补上下级机关的年度报告，或从 rollup 中删去该年度。")

    static let rollupRules = [rollupMismatch, rollupFormMismatch, rollupChildren]
}
