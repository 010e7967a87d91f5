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
            return TextFormatter(colour: colour, excerpt: { file, line, column in
                lines.excerpt(line, column: column, of: root.appendingPathComponent(file).path)
            }).format(report)
        case .json: return JSONFormatter.format(report, toolVersion: NianbaoVersion.current)
        case .github: return GitHubFormatter.format(report)
        case .sarif: return SARIFFormatter.format(report, toolVersion: NianbaoVersion.current)
        }
    }
}

/// Lines of source files for excerpts under findings. Each file is indexed once (where its lines
/// start, read in blocks), not once per finding: 200 findings in one 400 KB tables.yaml read it
/// once. The excerpt itself is read from the line's start only as far as the window around the
/// column, so a finding on a 200 MB one-line file reads a block of it, not the file.
final class SourceLines: Sendable {
    /// Where the lines of a file start, as far as it was read: findings come sorted by line, so
    /// each file is read once, and only as far as its last finding.
    private struct Index {
        var starts = [0]
        var scanned = 0
        var complete = false
        var binary = false
    }

    private let indexes = Mutex<[String: Index]>([:])

    /// The piece of line `number` of `path` around `column`: up to `SourceExcerpt.reach` scalars
    /// either side; nil for a file that cannot be read or whose bytes up to there hold a NUL or
    /// are not UTF-8 (binary files).
    func excerpt(_ number: Int, column: Int, of path: String) -> SourceExcerpt? {
        guard number >= 1 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        // Only a regular file: reading a named pipe put where a report was would never return.
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let start: Int? = indexes.withLock { known in
            var index = known[path] ?? Index()
            defer { known[path] = index }
            Self.extend(&index, to: number, reading: descriptor)
            return index.binary || number > index.starts.count ? nil : index.starts[number - 1]
        }
        guard let start else { return nil }
        let first = max(1, column - SourceExcerpt.reach)  // the first column kept
        let last = max(column, 1) + SourceExcerpt.reach  // the column after the last kept
        var offset = start
        var scalar = 0  // scalars of the line before the current byte
        var kept: [UInt8] = []
        var ended = false  // the line (or the file) ended within the piece
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        reading: while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                ended = true
                break
            }
            offset += count
            for byte in buffer[0..<count] {
                if byte == 0 { return nil }
                if byte == 0x0A {
                    ended = true
                    break reading
                }
                if byte & 0xC0 != 0x80 { scalar += 1 }  // a lead byte starts scalar number `scalar`
                if scalar >= last { break reading }
                if scalar >= first { kept.append(byte) }
            }
        }
        if ended, kept.last == 0x0D { kept.removeLast() }
        guard let text = String(bytes: kept, encoding: .utf8) else { return nil }
        // A column past the end of the line: the line's end, empty.
        return SourceExcerpt(text: text, firstColumn: kept.isEmpty ? min(first, scalar + 1) : first, continues: !ended)
    }

    /// Reads on from where `index` stopped until it knows where line `number` starts, the file
    /// ends, or a NUL shows the file is not text.
    private static func extend(_ index: inout Index, to number: Int, reading descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while index.starts.count < number, !index.complete, !index.binary {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(index.scanned)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                index.complete = true
                return
            }
            for position in 0..<count {
                if buffer[position] == 0 {
                    index.binary = true
                    return
                }
                if buffer[position] == 0x0A { index.starts.append(index.scanned + position + 1) }
            }
            index.scanned += count
        }
    }
}
