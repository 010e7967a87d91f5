/// Findings for people: a compiler-style block per finding, with the source line and a caret.
public struct TextFormatter: Sendable {
    /// ANSI colour, only for a terminal and never with NO_COLOR (decided by the caller).
    public let colour: Bool
    /// The text of a line of a file, for the excerpt; nil where it cannot be read.
    public let sourceLine: @Sendable (_ file: String, _ line: Int) -> String?

    public init(colour: Bool, sourceLine: @escaping @Sendable (String, Int) -> String?) {
        self.colour = colour
        self.sourceLine = sourceLine
    }

    public func format(_ report: FindingReport) -> String {
        var out = ""
        for finding in report.findings.prefix(report.limit) { out += block(finding) + "\n" }
        if report.findings.count > report.limit {
            out += "……另有 \(report.findings.count - report.limit) 条未显示（用 --max-findings 调整，或 --format json 查看全部）\n\n"
        }
        out += paint(report.summary, report.errors > 0 ? "1;31" : report.warnings > 0 ? "1;33" : "1;32") + "\n"
        return out
    }

    func block(_ finding: Finding) -> String {
        let location = finding.location
        let colourCode = finding.severity == .error ? "1;31" : finding.severity == .warning ? "1;33" : "1;36"
        var lines = [
            paint("\(location.description): ", "1") + paint("\(finding.severity.chinese)[\(finding.rule)]", colourCode)
                + paint(": \(finding.message)", "1")
        ]
        if let text = sourceLine(location.file, location.line) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let prefix = String(text.unicodeScalars.prefix(location.column - 1).map(Character.init))
            let token = Self.token(in: text, fromColumn: location.column)
            lines.append(paint(" \(number) | ", "34") + text)
            lines.append(paint(" \(gutter) | ", "34") + String(repeating: " ", count: Self.displayWidth(prefix))
                + paint(String(repeating: "^", count: max(1, Self.displayWidth(token))), colourCode))
        }
        if let expected = finding.expected, let found = finding.found {
            lines.append("   = 应为 \(expected)，实为 \(found)")
        }
        if let cell = finding.cell { lines.append("   = 单元格：\(cell)") }
        if let hint = finding.hint { lines.append("   = 修改建议：\(hint)") }
        lines.append("   = \(finding.gist)（nianbao explain \(finding.rule)）")
        return lines.joined(separator: "\n") + "\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The word under the caret: up to a space, comma, bracket or colon.
    static func token(in line: String, fromColumn column: Int) -> String {
        let rest = line.unicodeScalars.dropFirst(column - 1)
        let stops: Set<Character> = [" ", ",", "]", "}", ":", "：", "，"]
        return String(String(String.UnicodeScalarView(rest)).prefix { !stops.contains($0) })
    }

    /// Columns a terminal uses: two for East Asian wide characters.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}
