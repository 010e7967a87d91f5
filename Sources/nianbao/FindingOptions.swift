import ArgumentParser
import Diagnostics
import Foundation
import Synchronization

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
            let lines = SourceLines()
            return TextFormatter(colour: colour, sourceLine: { file, line in
                lines.line(line, of: root.appendingPathComponent(file))
            }).format(report)
        case .json: return JSONFormatter.format(report, toolVersion: NianbaoVersion.current)
        case .github: return GitHubFormatter.format(report)
        case .sarif: return SARIFFormatter.format(report, toolVersion: NianbaoVersion.current)
        }
    }
}

/// Lines of source files for excerpts under findings. Each file is read and split once, not
/// once per finding: 200 findings in one 400 KB tables.yaml read it 200 times.
final class SourceLines: Sendable {
    private let files = Mutex<[URL: [Substring]?]>([:])

    func line(_ number: Int, of url: URL) -> String? {
        let lines = files.withLock { files in
            if let known = files[url] { return known }
            let read = Self.lines(of: url)
            files[url] = read
            return read
        }
        guard let lines, number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1].trimmingSuffix("\r"))
    }

    private static func lines(of url: URL) -> [Substring]? {
        // Only a regular file: reading a named pipe put where a report was would never return.
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard let data = try? Data(contentsOf: url), !data.contains(0),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
