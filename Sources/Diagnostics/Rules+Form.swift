import ReportForm

extension Rule {
    private static let formBasis =
        "\(FormVersion.trial2019.issuingDocument)（2019、2020年度）；\(FormVersion.revised2021.issuingDocument)（2021年度起）。"

    public static let formVersion = Rule(
        id: "form-version", family: .form, severity: .error, title: "表格格式版本与报告年度不符",
        checks: "2019、2020年度报告使用\(FormVersion.trial2019.displayName)，2021年度起使用\(FormVersion.revised2021.displayName)。在新格式施行后仍使用旧表格（或反之）是评查中常见的问题。",
        basis: formBasis, fix: "用 `nianbao new <机关> <年度>` 生成该年度应使用的表格，再把数字填入。")
    public static let formOutdatedRow = Rule(
        id: "form-outdated-row", family: .form, severity: .error, title: "使用了另一版格式的行或列",
        checks: "表格中的某一行或列属于另一版格式。例如\(FormVersion.revised2021.displayName)把「\(ReportForm.revised2021.label(ofRow: "requests.results.other"))」拆分为三行，不能再填一行。",
        basis: formBasis, fix: "按本年度格式拆分或改写该行，数字分别填入。")
    public static let cellMissing = Rule(
        id: "cell-missing", family: .form, severity: .error, title: "缺少表格或表格的行",
        checks: "年报格式中的每一个表格、每一行都必须有；缺少整个表格或整行是删减报告事项，是错误。（行中省略的单元格按空白处理，见 cell-blank；总计可以省略，由 nianbao 计算。）",
        basis: formBasis + " 重庆等地实施要求：严禁擅自删减报告事项。", fix: "补上缺少的表格或行，没有发生的填 0。")
    public static let cellBlank = Rule(
        id: "cell-blank", family: .form, severity: .warning, title: "单元格是空白",
        checks: "印成空白的单元格：YAML 的 null、~、空字符串，或行中省略的单元格（总计除外）。空白按“未知”读取，不当作 0，也不中止检查：各项勾稽关系照常核对；能由表内勾稽关系推算出来的（如总计空白、各列之和为 272），给出应填的数，并以此数参加核对、显示为计算所得。每一行的空白合为一条。",
        basis: formBasis + " 格式要求每个单元格填写数字；空白的数读者无法核对，但空白本身不使表格算错，所以是警告，由人判断；由空白推算出的数若与表内其他勾稽关系矛盾，另有 arith-* 指出（错误）。",
        fix: "没有发生的填 0；能推算的按提示填写；总计可以删去，由 nianbao 计算。")
    public static let cellUnknown = Rule(
        id: "cell-unknown", family: .form, severity: .error, title: "无法识别的行或列",
        checks: "tables.yaml 中的每个键都必须是年报格式中的行、列或分组标签。",
        basis: formBasis, fix: "改为提示的规范标签；`nianbao new` 生成的模板包含全部规范标签。")
    public static let labelVariant = Rule(
        id: "label-variant", family: .form, severity: .warning, title: "标签不是规范写法",
        checks: "标签可以识别，但与官方表格文字不同：半角括号、「1、」与「1.」、繁体字、缺字或截断（如「现行有效件」）；"
            + "或是另一版格式对同一行、同一列的旧名称（\(renamedExample)）。旧名称下的数字照常读取、校验，并在规范标签下显示；"
            + "结构不同的行（如2021年格式中只填一行的「\(ReportForm.revised2021.label(ofRow: "requests.results.other"))」）仍是 form-outdated-row。",
        basis: formBasis,
        fix: "改为官方表格的规范标签，与纸质表格逐字一致。")

    /// 「规范性文件」→「行政规范性文件」, from the form model.
    private static let renamedExample = RenamedLabels.rows.sorted().map {
        "「\(ReportForm.trial2019.label(ofRow: $0))」在\(FormVersion.revised2021.displayName)中为「\(ReportForm.revised2021.label(ofRow: $0))」"
    }.joined(separator: "，")
    public static let cellValue = Rule(
        id: "cell-value", family: .form, severity: .error, title: "单元格的值不是数字",
        checks: "件数必须是整数；金额最多四位小数（如 72701.2578 万元），按所写的位数显示。全角数字、千分位逗号、单位（如「251000元」）和括号注释（如「22（其中修订16件）」）都不被接受，nianbao 不会猜测其含义。（空白见 cell-blank。）",
        basis: formBasis, fix: "只写半角阿拉伯数字；单位已在表头中，说明文字请写进正文。")
    public static let cellNegative = Rule(
        id: "cell-negative", family: .form, severity: .warning, title: "件数为负数",
        checks: "件数不应为负数（2019年试行格式的「本年增/减」除外）。",
        basis: "推论：件数是计数。年报格式未明文规定，因此只作警告。", fix: "核对数字。")

    static let formRules = [formVersion, formOutdatedRow, cellMissing, cellBlank, cellUnknown, labelVariant, cellValue, cellNegative]
}
