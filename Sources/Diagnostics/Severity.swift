/// How serious a finding is: an error means the report must not be published as it is (`build`
/// withholds it); a warning asks a person to look and fails `check` only with `--strict`.
/// docs/severity.md gives the policy, `Rule.severityReason` each rule's reason.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The Chinese word used in text output.
    public var chinese: String {
        switch self {
        case .info: "提示"
        case .warning: "警告"
        case .error: "错误"
        }
    }
}
