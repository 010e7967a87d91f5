/// The name 《中华人民共和国政府信息公开条例》第五十条 gives the report, and the title built from it.
public enum ReportTitle {
    public static let documentName = "政府信息公开工作年度报告"

    /// 「国家税务总局江屿市税务局2024年政府信息公开工作年度报告」
    public static func title(agency: String, year: Int) -> String { "\(agency)\(year)年\(documentName)" }
}
