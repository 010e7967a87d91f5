/// Whether an organ is a government department or a people's government, which sets
/// its publication deadline under 《政府信息公开条例》第四十九条.
public enum AgencyKind: String, Sendable, CaseIterable, Codable {
    /// 县级以上人民政府部门: publish by 31 January of the next year.
    case department = "部门"
    /// 县级以上地方人民政府 (the report of the government itself): publish by 31 March.
    case government = "人民政府"

    /// Month and day of the deadline in the year after the report year.
    public var deadline: (month: Int, day: Int) {
        switch self {
        case .department: (1, 31)
        case .government: (3, 31)
        }
    }

    /// The kinds as written in agency.yaml, for messages: 「部门 或 人民政府」.
    public static let choices = allCases.map(\.rawValue).joined(separator: " 或 ")

    /// Each kind with its deadline, for messages: 「部门（次年1月31日前公布）或 人民政府（次年3月31日前公布）」.
    public static let deadlines = allCases.map { "\($0.rawValue)（次年\($0.deadline.month)月\($0.deadline.day)日前公布）" }
        .joined(separator: "或 ")

    /// The legal basis of the deadline.
    public static let deadlineBasis = "《中华人民共和国政府信息公开条例》第四十九条"
}
