import ArgumentParser
import Diagnostics
import Foundation
import SiteModel
import Validation

extension OutputFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "只校验，不写任何文件（validate the site; write nothing）",
        discussion: "发现写到标准输出；退出码：0 通过，1 有错误（--strict 时警告也算），64 用法错误，74 读取失败。")

    @OptionGroup var site: SiteOptions

    @Option(help: "输出格式：text、json、github、sarif")
    var format: OutputFormat = .text

    @Flag(help: "警告也视为失败 (warnings fail)")
    var strict = false

    @Option(help: "文本格式最多显示多少条发现 (text output cap)")
    var maxFindings = 200

    func validate() throws {
        guard maxFindings > 0 else { throw ValidationError("--max-findings 必须大于 0") }
    }

    func run() throws {
        let loaded: Site
        let findings: [Finding]
        do {
            (loaded, findings) = try Validator.check(root: site.root)
        } catch {
            printError(error.description)
            throw Exit.io
        }
        let report = FindingReport(findings: findings, reportCount: loaded.reports.count, limit: maxFindings)
        print(render(report, root: loaded.root), terminator: "")
        if report.errors > 0 || (strict && report.warnings > 0) { throw Exit.findings }
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
