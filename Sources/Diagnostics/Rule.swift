/// A check nianbao runs, with everything `nianbao explain` says about it.
public struct Rule: Sendable, Hashable, Identifiable {
    /// Stable id, used in findings, `--format` output and `explain`.
    public let id: String
    public let family: RuleFamily
    public let severity: Severity
    /// One line, in Chinese.
    public let title: String
    /// What the rule checks, in Chinese.
    public let checks: String
    /// The legal or documentary basis.
    public let basis: String
    /// How to fix a finding, in Chinese.
    public let fix: String

    /// A finding of this rule at `location`.
    public func finding(
        _ message: String, gist: String, at location: SourceLocation, cell: String? = nil,
        expected: String? = nil, found: String? = nil, terms: [String] = [], hint: String? = nil,
        severity: Severity? = nil
    ) -> Finding {
        Finding(
            rule: id, severity: severity ?? self.severity, message: message, gist: gist, location: location,
            cell: cell, expected: expected, found: found, terms: terms, hint: hint)
    }
}

/// The families of rules (DESIGN §3).
public enum RuleFamily: String, Sendable, CaseIterable, Codable {
    case input, structure, form, arithmetic, acrossYears = "across-years", rollup, narrative, privacy, publication, tasks, web, build

    public var chinese: String {
        switch self {
        case .input: "输入文件"
        case .structure: "结构"
        case .form: "表格格式"
        case .arithmetic: "勾稽关系"
        case .acrossYears: "跨年度"
        case .rollup: "汇总报表"
        case .narrative: "正文与表格"
        case .privacy: "个人信息与商业秘密"
        case .publication: "发布"
        case .tasks: "重点任务落实"
        case .web: "网站"
        case .build: "生成网站"
        }
    }
}

extension Rule {
    /// Every rule, in family order.
    public static let all: [Rule] = inputRules + structureRules + formRules + arithmeticRules + acrossYearRules
        + rollupRules + narrativeRules + privacyRules + publicationRules + taskRules + webRules + buildRules

    /// The rule with `id`, if there is one.
    public static func named(_ id: String) -> Rule? { byID[id] }

    /// The dashboard asks this for every finding of a site.
    private static let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
