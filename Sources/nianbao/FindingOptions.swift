import ArgumentParser
import Diagnostics
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// How a command prints its findings.
struct FindingOptions: ParsableArguments {
    @Option(help: "输出格式：text、json、github、sarif")
    var format: OutputFormat = .text

    @Option(help: "文本格式最多显示多少条发现 (text output cap)")
    var maxFindings = 200

    func validate() throws {
        guard maxFindings > 0 else { throw ValidationError("--max-findings 必须大于 0") }
    }

    /// Prints `findings` to standard output and returns the counts.
    @discardableResult
    func print(_ findings: [Finding], reportCount: Int, root: URL) -> FindingReport {
        let report = FindingReport(findings: findings, reportCount: reportCount, limit: maxFindings)
        Swift.print(render(report, root: root), terminator: "")
        return report
    }

    private func render(_ report: FindingReport, root: URL) -> String {
        switch format {
        case .text:
            // no-color.org: NO_COLOR set to anything but the empty string turns colour off.
            let colour = isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            return TextFormatter(colour: colour, sourceLine: { file, line in
                SourceLines.line(line, of: root.appendingPathComponent(file))
            }).format(report)
        case .json: return JSONFormatter.format(report, toolVersion: NianbaoVersion.current)
        case .github: return GitHubFormatter.format(report)
        case .sarif: return SARIFFormatter.format(report, toolVersion: NianbaoVersion.current)
        }
    }
}

/// Lines of source files for excerpts under findings.
enum SourceLines {
    static func line(_ number: Int, of url: URL) -> String? {
        guard let data = try? Data(contentsOf: url), !data.contains(0),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1].trimmingSuffix("\r"))
    }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
