import ReportForm

extension Rule {
    private static let sectionList = StatutorySection.all.map(\.heading).joined(separator: "、")
    private static let sectionBasis =
        "《中华人民共和国政府信息公开条例》第五十条；\(FormVersion.revised2021.issuingDocument)“一、报告内容”：年度报告内容要严格按照第五十条的规定确定，不能遗漏。"

    public static let sectionMissing = Rule(
        id: "section-missing", family: .structure, severity: .error, title: "缺少法定部分",
        checks: "report.md 必须按顺序包含六个二级标题（##）：\(sectionList)。", basis: sectionBasis,
        fix: "补上缺少的 ## 标题和内容；`nianbao new` 生成的模板包含全部六个标题。")
    public static let sectionOrder = Rule(
        id: "section-order", family: .structure, severity: .error, title: "法定部分顺序错误",
        checks: "六个部分必须按一至六的顺序排列。", basis: sectionBasis, fix: "调整 ## 标题及其内容的顺序。")
    public static let sectionDuplicate = Rule(
        id: "section-duplicate", family: .structure, severity: .error, title: "法定部分重复",
        checks: "每个法定部分只能出现一次。", basis: sectionBasis, fix: "合并重复的部分。")
    public static let sectionHeadingVariant = Rule(
        id: "section-heading-variant", family: .structure, severity: .warning, title: "标题不是规范写法",
        checks: "标题可以识别为某个法定部分，但文字与年报格式的规范标题不同（实际报告中常见的变体会被接受并提示）。",
        basis: sectionBasis, fix: "把标题改为规范写法：\(sectionList)。")
    public static let sectionUnknown = Rule(
        id: "section-unknown", family: .structure, severity: .warning, title: "无法识别的二级标题",
        checks: "二级标题（##）应当只用于六个法定部分；小标题请用三级标题（###）。",
        basis: sectionBasis, fix: "把小标题改为 ###，或改为规范的部分标题。")
    public static let frontMatterMissing = Rule(
        id: "front-matter-missing", family: .structure, severity: .error, title: "缺少头信息",
        checks: "report.md 开头必须有 YAML 头信息（--- 之间），包含 title、agency、year、published（发布日期时间）。",
        basis: "《政府网站发展指引》（国办发〔2017〕47号）网页设计规范：内容页须有标题、发布时间、来源。",
        fix: "在文件开头加上头信息，参照 `nianbao new` 生成的模板。")
    public static let frontMatterInvalid = Rule(
        id: "front-matter-invalid", family: .structure, severity: .error, title: "头信息有误",
        checks: "year 必须与所在文件夹一致；agency 必须与 agency.yaml 的 name 一致；published 必须是真实存在的日期时间，格式 YYYY-MM-DD HH:MM。",
        basis: "《政府网站发展指引》网页设计规范：发布时间格式为 YYYY-MM-DD HH:MM。", fix: "按提示修改该字段。")
    public static let notFilledIn = Rule(
        id: "not-filled-in", family: .structure, severity: .error, title: "内容尚未填写",
        checks: "`nianbao new` 生成的模板在需要填写的位置留有「待填写」标记；发布前必须全部替换为实际内容。部分下没有任何文字同样视为未填写。",
        basis: sectionBasis, fix: "把「待填写」替换为实际内容。")

    static let structureRules = [
        sectionMissing, sectionOrder, sectionDuplicate, sectionHeadingVariant, sectionUnknown, frontMatterMissing,
        frontMatterInvalid, notFilledIn,
    ]
}
