import Diagnostics
import Testing

/// The source line under a finding in text output: a short line as it is, a long one as a window
/// of at most `TextFormatter.excerptWidth` columns around the caret, cut with 「…」 (a 200 MB
/// one-line report.md printed 419 MB).
@Suite("source excerpts in text output")
struct ExcerptWindowTests {
    static func output(line: String, column: Int) -> [Substring] {
        let finding = Rule.textInvisibleCharacter.finding("有零宽字符", gist: "zero-width", at: SourceLocation(file: "a.md", line: 9, column: column))
        let text = TextFormatter(colour: false, sourceLine: { _, number in number == 9 ? line : nil })
            .format(FindingReport(findings: [finding], reportCount: 1))
        return text.split(separator: "\n").filter { $0.hasPrefix(" 9 | ") || $0.hasPrefix("   | ") }
    }

    /// The columns of `text` in a terminal (two for each Chinese character).
    static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 && $1 != "…" ? 2 : 1) }
    }

    @Test("a short line is shown whole, the caret under the word", arguments: [1, 3, 6])
    func short(_ column: Int) {
        let lines = Self.output(line: "全年共 收到,申请12件", column: column)
        #expect(lines.count == 2)
        #expect(lines.first == " 9 | 全年共 收到,申请12件")
        // Before the caret: 全年 is 4 columns, 全年共 收 9; the word ends at a space or comma.
        let expected: [Int: (spaces: Int, carets: Int)] = [1: (0, 6), 3: (4, 2), 6: (9, 2)]
        let (spaces, carets) = expected[column]!
        #expect(lines.last == Substring("   | " + String(repeating: " ", count: spaces) + String(repeating: "^", count: carets)))
    }

    @Test("a line of megabytes is shown as a window around the column, the caret under the text found",
          arguments: [(1, "甲"), (500_000, "\u{200B}"), (1_000_001, "\u{200B}")])
    func long(_ column: Int, _ found: String) {
        var line = String(repeating: "甲乙丙丁", count: 250_000) + "戊"  // 1,000,001 characters, 3 MB
        if found == "\u{200B}" {
            var scalars = Array(line.unicodeScalars)
            scalars[column - 1] = "\u{200B}"
            line = String(String.UnicodeScalarView(scalars))
        }
        let lines = Self.output(line: line, column: column)
        #expect(lines.count == 2)
        let shown = lines[0].dropFirst(" 9 | ".count)
        #expect(Self.width(shown) <= 80, "\(shown)")
        #expect(shown.hasPrefix("…") == (column > 1))
        #expect(shown.hasSuffix("…") == (column < 1_000_001))
        // The caret stands under the character at the column.
        let caret = lines[1].dropFirst("   | ".count)
        let before = caret.prefix { $0 == " " }.count
        var prefixWidth = 0
        var index = shown.unicodeScalars.startIndex
        while prefixWidth < before, index < shown.unicodeScalars.endIndex {
            prefixWidth += Self.width(String(shown.unicodeScalars[index]))
            index = shown.unicodeScalars.index(after: index)
        }
        #expect(prefixWidth == before)
        #expect(index < shown.unicodeScalars.endIndex && String(shown.unicodeScalars[index]) == found, "\(shown) / \(caret)")
        #expect(caret.hasSuffix("^"))
    }
}
