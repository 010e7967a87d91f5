/// The ways `nianbao check` can print its findings.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// For people: file:line:col, the source line with a caret, the fix.
    case text
    /// For programs: every finding with all its fields.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    case github
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif
}

/// What a report of findings needs besides the findings.
public struct FindingReport: Sendable {
    public let findings: [Finding]
    /// How many reports were checked.
    public let reportCount: Int
    /// The most findings to print in text form (the rest are counted); other formats print all.
    public let limit: Int

    public init(findings: [Finding], reportCount: Int, limit: Int = 200) {
        self.findings = findings
        self.reportCount = reportCount
        self.limit = limit
    }

    public var errors: Int { findings.count(.error) }
    public var warnings: Int { findings.count(.warning) }
    public var infos: Int { findings.count(.info) }

    /// 「3 个错误，2 个警告」 with the English gist.
    public var summary: String {
        "检查了 \(reportCount) 份报告：\(errors) 个错误，\(warnings) 个警告，\(infos) 个提示"
            + "（\(reportCount) reports: \(errors) errors, \(warnings) warnings, \(infos) notes）"
    }
}
