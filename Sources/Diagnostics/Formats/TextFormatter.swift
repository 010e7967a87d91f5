/// Findings for people: a compiler-style block per finding, with the source line and a caret.
public struct TextFormatter: Sendable {
    /// ANSI colour, only for a terminal and never with NO_COLOR (decided by the caller).
    public let colour: Bool
    /// The piece of a line around a column, for the excerpt; nil where it cannot be read.
    public let excerpt: @Sendable (_ file: String, _ line: Int, _ column: Int) -> SourceExcerpt?

    /// The widest excerpt shown, in terminal columns: a longer line is shown around the
    /// finding's column, cut with 「…」.
    public static let excerptWidth = 80

    public init(colour: Bool, excerpt: @escaping @Sendable (String, Int, Int) -> SourceExcerpt?) {
        self.colour = colour
        self.excerpt = excerpt
    }

    /// With a reader of whole lines (tests, short files).
    public init(colour: Bool, sourceLine: @escaping @Sendable (String, Int) -> String?) {
        self.init(colour: colour, excerpt: { file, line, _ in sourceLine(file, line).map { SourceExcerpt(text: $0) } })
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
        if let piece = excerpt(location.file, location.line, location.column) {
            let (text, prefix, token) = Self.window(piece, column: location.column)
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
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

    /// The text shown for `piece` with a finding at `column`, the text before the caret, and the
    /// word under it. A line that fits `excerptWidth` is shown whole; a longer one from a few
    /// columns before the caret on, cut with 「…」 where the line goes on.
    static func window(_ piece: SourceExcerpt, column: Int) -> (text: String, prefix: String, token: String) {
        let scalars = Array(piece.text.unicodeScalars)
        let caret = min(max(0, column - piece.firstColumn), scalars.count)
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        let whole = string(0..<scalars.count)
        if piece.firstColumn <= 1, !piece.continues, displayWidth(whole) <= excerptWidth {
            return (whole, string(0..<caret), token(in: whole, fromColumn: caret + 1))
        }
        let room = excerptWidth - 2  // the two ellipses
        // A quarter of the room before the caret, the rest after; what the end of the line
        // leaves unused goes back before the caret.
        var start = caret
        var used = 0
        while start > 0, used + width(scalars[start - 1]) <= room / 4 {
            start -= 1
            used += width(scalars[start])
        }
        var end = caret
        while end < scalars.count, used + width(scalars[end]) <= room {
            used += width(scalars[end])
            end += 1
        }
        while end == scalars.count, !piece.continues, start > 0, used + width(scalars[start - 1]) <= room {
            start -= 1
            used += width(scalars[start])
        }
        let before = start > 0 || piece.firstColumn > 1 ? "…" : ""
        let after = end < scalars.count || piece.continues ? "…" : ""
        let shown = string(start..<end)
        return (before + shown + after, before + string(start..<caret), token(in: shown, fromColumn: caret - start + 1))
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
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }
}
