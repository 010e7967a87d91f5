import ReportForm

/// Writes `report.md`: the front matter and the six statutory headings, each awaiting text.
public enum ReportTemplate {
    /// The marker left wherever the writer still has to write; `check` reports each one.
    public static let placeholder = "待填写"

    public static func markdown(agencyName: String, year: Int, form: ReportForm) -> String {
        var text = """
            ---
            title: \(ReportTitle.title(agency: agencyName, year: year))
            agency: \(agencyName)
            year: \(year)
            published: \(placeholder)
            索引号: \(placeholder)
            ---

            本报告依据《中华人民共和国政府信息公开条例》第五十条和\(form.version.issuingDocument)编制。

            """
        for section in form.sections {
            text += "\n## \(section.heading)\n\n"
            if let table = section.table {
                text += "（\(placeholder)：本部分说明文字。统计表由 tables.yaml 中「\(form.table(table).label)」生成。）\n"
            } else {
                text += "（\(placeholder)）\n"
            }
        }
        return text
    }
}

/// Writes `agency.yaml`.
public enum AgencyTemplate {
    public static func yaml(name: String, kind: AgencyKind, parent: String?) -> String {
        var text = """
            # 机关全称（与报告署名一致）
            name: \(name)
            # 机关类别：\(AgencyKind.deadlines)
            kind: \(kind.rawValue)

            """
        if let parent { text += "# 上级机关（Content/ 下的文件夹名）\nparent: \(parent)\n" }
        return text
    }
}
