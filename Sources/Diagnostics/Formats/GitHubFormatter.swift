/// Findings as GitHub Actions workflow commands, which GitHub turns into annotations on the
/// changed files: `::error file=Content/a/2024/tables.yaml,line=12,col=5,title=…::message`.
public enum GitHubFormatter {
    public static func format(_ report: FindingReport) -> String {
        var out = ""
        for finding in report.findings {
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let location = finding.location
            let title = escapeProperty("nianbao \(finding.rule)")
            var message = finding.message
            if let hint = finding.hint { message += "\n修改建议：" + hint }
            message += "\n" + finding.gist
            out += "::\(command) file=\(escapeProperty(location.file)),line=\(location.line),col=\(location.column),title=\(title)::\(escapeData(message))\n"
        }
        return out
    }

    /// Escaping of a command's message, as the Actions runner defines it.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escaping of a property value: also `:` and `,`, which delimit properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
