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
            return TextFormatter(colour: colour, excerpt: { file, line, column in
                SourceLines.excerpt(line, column: column, of: root.appendingPathComponent(file).path)
            }).format(report)
        case .json: return JSONFormatter.format(report, toolVersion: NianbaoVersion.current)
        case .github: return GitHubFormatter.format(report)
        case .sarif: return SARIFFormatter.format(report, toolVersion: NianbaoVersion.current)
        }
    }
}

/// Lines of source files for excerpts under findings.
enum SourceLines {
    /// The piece of line `number` of `path` around `column`: up to `SourceExcerpt.reach` scalars
    /// either side. The file is read in blocks only as far as that piece, so a finding on the
    /// first line of a 200 MB one-line file reads one block, not the file; nil for a file that
    /// cannot be read or whose bytes up to there hold a NUL or are not UTF-8 (binary files).
    static func excerpt(_ number: Int, column: Int, of path: String) -> SourceExcerpt? {
        guard number >= 1 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let first = max(1, column - SourceExcerpt.reach)  // the first column kept
        let last = max(column, 1) + SourceExcerpt.reach  // the column after the last kept
        var line = 1
        var scalar = 0  // scalars of the line before the current byte
        var kept: [UInt8] = []
        var ended = false  // the line (or the file) ended within the piece
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        reading: while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                ended = true
                break
            }
            for byte in buffer[0..<count] {
                if byte == 0 { return nil }
                if line < number {
                    if byte == 0x0A { line += 1 }
                    continue
                }
                if byte == 0x0A {
                    ended = true
                    break reading
                }
                if byte & 0xC0 != 0x80 { scalar += 1 }  // a lead byte starts scalar number `scalar`
                if scalar >= last { break reading }
                if scalar >= first { kept.append(byte) }
            }
        }
        guard line == number else { return nil }
        if ended, kept.last == 0x0D { kept.removeLast() }
        guard let text = String(bytes: kept, encoding: .utf8) else { return nil }
        // A column past the end of the line: the line's end, empty.
        return SourceExcerpt(text: text, firstColumn: kept.isEmpty ? min(first, scalar + 1) : first, continues: !ended)
    }
}
