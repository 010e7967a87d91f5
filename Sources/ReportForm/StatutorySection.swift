/// One of the six numbered parts every annual report has, in order.
public struct StatutorySection: Sendable, Hashable {
    /// 1 to 6.
    public let number: Int
    /// The canonical `##` heading, numeral included: 「一、总体情况」.
    public let heading: String
    /// Headings seen in real reports that name the same part (accepted with a warning).
    public let variants: [String]
    /// The statistics table printed in this part, if any.
    public let table: TableID?

    /// The numeral that starts the heading: 「一、」.
    public var numeral: String { String(heading.prefix(2)) }
}

extension StatutorySection {
    /// The six parts, identical in both editions of the format.
    public static let all: [StatutorySection] = [
        .init(number: 1, heading: "一、总体情况", variants: [], table: nil),
        .init(number: 2, heading: "二、主动公开政府信息情况", variants: ["二、主动公开信息情况"], table: .active),
        .init(number: 3, heading: "三、收到和处理政府信息公开申请情况", variants: [], table: .requests),
        .init(
            number: 4, heading: "四、政府信息公开行政复议、行政诉讼情况",
            variants: ["四、因政府信息公开工作被申请行政复议提起行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"],
            table: .appeals),
        .init(
            number: 5, heading: "五、存在的主要问题及改进情况",
            variants: ["五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"], table: nil),
        .init(number: 6, heading: "六、其他需要报告的事项", variants: [], table: nil),
    ]

    /// The section a table is printed in.
    public static func containing(_ table: TableID) -> StatutorySection {
        all.first { $0.table == table }!
    }
}

/// What section 六 of a 2021-format report is expected to mention: the fee collected under
/// 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号).
public enum FeeStatement {
    /// The word a statement about the fee contains.
    public static let keyword = "信息处理费"
    /// The section that carries it.
    public static let sectionNumber = 6
    /// The measure that governs the fee.
    public static let basis = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
}
