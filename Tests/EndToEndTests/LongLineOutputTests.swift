import Foundation
import Testing

/// Text output on a file with a line of megabytes shows a window of the line around the finding,
/// not the line: a 200 MB one-line report.md printed 419 MB to the terminal.
@Suite("findings on very long lines")
struct LongLineOutputTests {
    static let report = "Content/qingshan-tax/2023/report.md"

    static func scratch() throws -> ScratchSite {
        let site = try ScratchSite()
        try site.copySample(agency: "qingshan-tax")
        try site.write("nianbao.yaml", try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), encoding: .utf8))
        return site
    }

    /// The excerpt and caret lines under the first finding of `rule` in `output`.
    static func excerpt(of rule: String, in output: String) -> [Substring] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.contains("[\(rule)]") }), header + 2 < lines.count else { return [] }
        return Array(lines[(header + 1)...(header + 2)])
    }

    @Test("a zero-width space in the middle of a 3 MB line: the excerpt is a window with the caret under it")
    func longLine() throws {
        let site = try Self.scratch()
        let original = try site.read(Self.report)
        let half = String(repeating: "全年共收到政府信息公开申请", count: 40_000)  // 520,000 characters, 1.5 MB
        let long = half + "\u{200B}" + "件" + half
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        try site.write(Self.report, original + "\n" + long + "\n")
        let result = try Nianbao.run(["check", "-s", site.root.path, "--no-cache"], environment: ["NIANBAO_TODAY": "2026-11-29", "NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.utf8.count < 50_000, "\(result.stdout.utf8.count) bytes of output")
        let excerpt = Self.excerpt(of: "text-invisible-character", in: result.stdout)
        #expect(excerpt.count == 2)
        guard excerpt.count == 2 else { return }
        #expect(excerpt[0].hasPrefix(" \(line) | …") && excerpt[0].hasSuffix("…"), "\(excerpt[0])")
        #expect(excerpt[0].contains("申请\u{200B}件全年"))
        // The caret stands under the zero-width space: the columns before it match.
        let gutter = " \(line) | ".count
        let shown = excerpt[0].dropFirst(gutter)
        let before = shown.prefix { $0 != "\u{200B}" }
        let spaces = excerpt[1].dropFirst(gutter).prefix { $0 == " " }.count
        let columns = before.unicodeScalars.map { $0.value >= 0x2E80 ? 2 : 1 }.reduce(0, +)
        #expect(spaces == columns, "\(excerpt[1])")
        #expect(excerpt[1].hasSuffix("^"))
    }

    @Test("a 9 MB one-line report.md, refused for its size: a short excerpt of its first line")
    func hugeOneLiner() throws {
        let site = try Self.scratch()
        try site.write(Self.report, Data(repeating: UInt8(ascii: "a"), count: 9 * 1024 * 1024))
        let result = try Nianbao.run(["check", "-s", site.root.path, "--no-cache"], environment: ["NIANBAO_TODAY": "2026-11-29", "NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.utf8.count < 50_000, "\(result.stdout.utf8.count) bytes of output")
        let excerpt = Self.excerpt(of: "file-unreadable", in: result.stdout)
        let expected = " 1 | " + String(repeating: "a", count: 78) + "…"
        #expect(excerpt.first.map(String.init) == expected)
    }
}
